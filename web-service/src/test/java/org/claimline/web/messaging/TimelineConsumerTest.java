package org.claimline.web.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.claimline.contracts.ChangeKind;
import org.claimline.contracts.TimelineChanged;
import org.claimline.contracts.Topics;
import org.claimline.infra.TestInfrastructure;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.web.support.Timeline;
import org.junit.jupiter.api.Test;

/** Poison records go to the DLQ with the reason, and never hold back the good records around them. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class TimelineConsumerTest {

    // Generous: the first change of a test JVM waits for the consumer group to form on a busy 2-core machine.
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    KafkaClientService clients;

    @Test
    void poisonRecordsGoToTheDlqAndTheRestIsApplied() {
        String event = Timeline.newId("ev");
        String storyline = Timeline.newId("st");
        String garbageKey = Timeline.newId("garbage");
        Timeline.sendRaw(garbageKey, "{not json".getBytes(StandardCharsets.UTF_8));
        TimelineChanged nul = Timeline.placed(event, storyline, 2, event + "-nul", "bad \u0000 text");
        Timeline.send(Timeline.placed(event, storyline, 1, event + "-p1", "good first"), nul,
                Timeline.placed(event, storyline, 3, event + "-p3", "good third"));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}/posts", event).then()
                .statusCode(200).body("items.id", contains(event + "-p3", event + "-p1")));

        Map<String, String> reasons = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = dlqConsumer()) {
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    var reason = record.headers().lastHeader(DeadLetterPublisher.HEADER_REASON);
                    if (record.key() != null && reason != null) {
                        reasons.put(record.key(), new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
                return reasons.containsKey(garbageKey) && reasons.containsKey(event);
            });
        }
        assertTrue(reasons.get(event).contains("U+0000"), reasons.get(event));
        assertTrue(!reasons.get(garbageKey).isBlank());
    }

    @Test
    void unknownKindsAreIgnoredButAdvanceTheSequence() {
        String event = Timeline.newId("ev");
        String storyline = Timeline.newId("st");
        Timeline.send(Timeline.placed(event, storyline, 1, event + "-p1", "first"));
        String unknown = "{\"schemaVersion\":1,\"kind\":\"SOMETHING_NEW\",\"eventId\":\"" + event
                + "\",\"sequence\":2,\"occurredAt\":\"" + Instant.now() + "\",\"surprise\":{\"x\":1}}";
        Timeline.sendRaw(event, unknown.getBytes(StandardCharsets.UTF_8));
        Timeline.send(Timeline.placed(event, storyline, 3, event + "-p3", "third"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}/posts", event).then()
                .statusCode(200).body("items.id", contains(event + "-p3", event + "-p1")));
        given().get("/api/v1/events/{id}", event).then().body("postCount", equalTo(3));
        assertEquals(ChangeKind.UNKNOWN, ChangeKind.of("SOMETHING_NEW"));
    }

    @Test
    void deadLetterProducerWaitsForAllReplicasWithIdempotence() {
        Map<String, ?> config = clients.getProducer(Topics.TIMELINE_DLQ).configuration();
        assertEquals("all", String.valueOf(config.get("acks")));
        assertEquals("true", String.valueOf(config.get("enable.idempotence")));
    }

    private static KafkaConsumer<String, byte[]> dlqConsumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-dlq-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.TIMELINE_DLQ));
        return consumer;
    }
}
