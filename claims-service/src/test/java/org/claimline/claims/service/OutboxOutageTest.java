package org.claimline.claims.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.claimline.claims.Kafka;
import org.claimline.claims.TestPosts;
import org.claimline.claims.domain.SimplePlacer;
import org.claimline.claims.repository.OutboxRepository;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.TimelineChanged;
import org.claimline.infra.TestInfrastructure;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** A change committed while the broker is down waits in the outbox and is published once the broker is back. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(3);

    @Inject
    PlacementWriter writer;
    @Inject
    OutboxRepository outbox;

    @Test
    void aChangeStoredDuringABrokerOutageIsPublishedAfterwards() throws InterruptedException {
        PostAccepted post = TestPosts.post(TestPosts.newId("outage"), "@quinn", TestPosts.somewhere(),
                Instant.parse("2018-01-01T00:00:00Z"), "Bridge closed during the outage", TestPosts.newImage());
        // a placer of the test's own, so the consumer's engine is not touched from this thread
        SimplePlacer placer = new SimplePlacer(0.5, Duration.ofHours(1), 10, () -> "outage-" + UUID.randomUUID());
        TestInfrastructure.kafka().kill();
        try {
            assertEquals(1, writer.write(List.of(post), placer));
            Thread.sleep(OUTAGE.toMillis());
            assertTrue(QuarkusTransaction.requiringNew().call(() -> outbox.count("eventId like 'outage-%'")) > 0,
                    "the change waits in the outbox while the broker is away");
        } finally {
            TestInfrastructure.kafka().start();
        }

        List<TimelineChanged> changes = PostPipelineTest.awaitPlaced(post);
        assertEquals(1L, PostPipelineTest.placed(changes, post).sequence());
        await().atMost(Duration.ofSeconds(45)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> outbox.count("eventId like 'outage-%'")) == 0);
    }
}
