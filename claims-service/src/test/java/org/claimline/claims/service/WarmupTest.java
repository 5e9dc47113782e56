package org.claimline.claims.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.claimline.claims.repository.EventRepository;
import org.claimline.claims.repository.OutboxRepository;
import org.claimline.claims.repository.PostRepository;
import org.claimline.claims.repository.StorylineRepository;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** The start-up rehearsal places and writes its samples, then leaves no trace: no post, event, storyline or change. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WarmupTest {

    @Inject
    Warmup warmup;
    @Inject
    PostRepository posts;
    @Inject
    EventRepository events;
    @Inject
    StorylineRepository storylines;
    @Inject
    OutboxRepository outbox;

    @Test
    void rehearsalStoresAndPublishesNothing() {
        long[] before = counts();

        assertEquals(20, warmup.run(), "sample posts placed and written, then rolled back");

        long[] after = counts();
        assertEquals(before[0], after[0], "posts");
        assertEquals(before[1], after[1], "events");
        assertEquals(before[2], after[2], "storylines");
        assertEquals(before[3], after[3], "outbox rows (timeline changes to publish)");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> posts.count("id like ?1", "warmup-%")));
    }

    private long[] counts() {
        return QuarkusTransaction.requiringNew().call(() -> new long[] {posts.count(), events.count(),
                storylines.count(), outbox.count()});
    }
}
