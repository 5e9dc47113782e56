package org.claimline.claims.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.claimline.claims.Kafka;
import org.claimline.claims.TestPosts;
import org.claimline.claims.messaging.DeadLetterPublisher;
import org.claimline.claims.repository.EventRepository;
import org.claimline.claims.repository.OutboxRepository;
import org.claimline.claims.repository.PostRepository;
import org.claimline.contracts.ChangeKind;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.TimelineChanged;
import org.claimline.contracts.Topics;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Posts in through the real broker, placed in the real database, timeline changes out through the outbox. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PostPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Instant T0 = Instant.parse("2016-12-13T09:00:00Z");

    @Inject
    PostRepository posts;
    @Inject
    EventRepository events;
    @Inject
    OutboxRepository outbox;

    @Test
    void postsInOnePlaceShareAnEventWhoseSequenceRisesByOnePerChange() {
        Place here = TestPosts.somewhere();
        Place elsewhere = new Place(null, here.lat(), here.lon() + 5, null);
        String image = TestPosts.newImage();
        PostAccepted first = TestPosts.post(TestPosts.newId("first"), "@ana", here, T0,
                "Convoy leaves at dawn from the harbour district", image);
        PostAccepted second = TestPosts.post(TestPosts.newId("second"), "@ben", here, T0.plusSeconds(600),
                "Buses seen leaving the harbour district", image);
        PostAccepted third = TestPosts.post(TestPosts.newId("third"), "@ana", here, T0.plusSeconds(900),
                "Still waiting near the harbour", image);
        PostAccepted apart = TestPosts.post(TestPosts.newId("apart"), "@cem", elsewhere, T0,
                "Wildfire smoke over the northern ridge", TestPosts.newImage());

        Kafka.publish(first, second, third, apart);

        List<TimelineChanged> changes = awaitPlaced(first, second, third, apart);
        TimelineChanged c1 = placed(changes, first);
        TimelineChanged other = placed(changes, apart);
        // the posts travel on several partitions, so the event's order is claims' order of arrival: read it by sequence
        List<TimelineChanged> event = changes.stream()
                .filter(c -> c.kind() == ChangeKind.POST_PLACED && c.eventId().equals(c1.eventId()))
                .sorted(Comparator.comparingLong(TimelineChanged::sequence))
                .toList();
        assertEquals(List.of(first.id(), second.id(), third.id()).stream().sorted().toList(),
                event.stream().map(c -> c.post().id()).sorted().toList(), "the three posts share one event");
        assertNotEquals(c1.eventId(), other.eventId());
        assertEquals(List.of(1L, 2L, 3L), event.stream().map(TimelineChanged::sequence).toList());
        assertEquals(List.of(1L, 2L, 3L), event.stream().map(c -> c.event().postCount()).toList(),
                "each change carries the event as it stood after that change");
        assertEquals(1L, other.sequence());
        TimelineChanged last = event.get(2);
        assertEquals(2, last.event().authorCount(), "@ana posted twice");
        assertEquals(1, last.event().storylineCount());
        assertEquals(2, last.storyline().corroboration());
        assertEquals(event.get(0).post().id(), last.storyline().firstPostId());
        assertEquals("Convoy leaves at dawn from the harbour district", c1.post().text());
        assertFalse(last.post().reasons().isEmpty(), "every placement says why");
        assertTrue(event.get(0).post().signals().stream().anyMatch(s -> s.type().equals("first-report")));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> outbox.count()) == 0);
    }

    @Test
    void aRedeliveredPostChangesNothingAndPublishesNothing() {
        Place here = TestPosts.somewhere();
        String image = TestPosts.newImage();
        PostAccepted post = TestPosts.post(TestPosts.newId("again"), "@dan", here, T0,
                "Shelling reported near the old bridge", image);
        Kafka.publish(post);
        TimelineChanged once = placed(awaitPlaced(post), post);

        // redelivered alone, then twice within one batch, then followed by a new post of the same event
        Kafka.publish(post);
        Kafka.publish(post, post);
        PostAccepted next = TestPosts.post(TestPosts.newId("next"), "@eve", here, T0.plusSeconds(60),
                "More shelling at the old bridge", image);
        Kafka.publish(next);

        List<TimelineChanged> changes = awaitPlaced(post, next);
        assertEquals(1, changes.stream().filter(c -> isPlacementOf(c, post)).count());
        TimelineChanged after = placed(changes, next);
        assertEquals(once.eventId(), after.eventId());
        assertEquals(once.sequence() + 1, after.sequence(), "no change was published for the redeliveries");
        assertEquals(2, after.event().postCount());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> posts.count("id", post.id())));
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> events.findById(once.eventId()).postCount));
    }

    @Test
    void aCorruptRecordGoesToTheDeadLetterTopicAndTheNextPostIsStillPlaced() {
        String corruptKey = TestPosts.newId("corrupt");
        byte[] corrupt = "{\"id\": \"broken\", \"postedAt\": ".getBytes(StandardCharsets.UTF_8);
        Kafka.publishRaw(corruptKey, corrupt);
        PostAccepted good = TestPosts.post(TestPosts.newId("good"), "@fay", TestPosts.somewhere(), T0,
                "Flooded underpass closes the ring road", TestPosts.newImage());
        Kafka.publish(good);

        awaitPlaced(good);
        ConsumerRecord<String, byte[]> letter = awaitDeadLetter(corruptKey);
        assertEquals(new String(corrupt, StandardCharsets.UTF_8), new String(letter.value(), StandardCharsets.UTF_8));
        assertEquals("deserialization", header(letter, DeadLetterPublisher.CAUSE));
        assertFalse(header(letter, DeadLetterPublisher.REASON).isBlank());
        assertEquals(Topics.POSTS, header(letter, DeadLetterPublisher.TOPIC));
        assertTrue(Long.parseLong(header(letter, DeadLetterPublisher.OFFSET)) >= 0);
    }

    @Test
    void aPostThatCannotBeStoredGoesToTheDeadLetterTopicWithItsField() {
        Place here = TestPosts.somewhere();
        String image = TestPosts.newImage();
        PostAccepted poison = TestPosts.post(TestPosts.newId("poison"), "@gus", here, T0,
                "Tram depot fire \u0000 spreading", image);
        PostAccepted good = TestPosts.post(TestPosts.newId("fine"), "@hal", here, T0.plusSeconds(5),
                "Tram depot fire spreading to the yard", image);
        Kafka.publish(poison, good);

        TimelineChanged placed = placed(awaitPlaced(good), good);
        ConsumerRecord<String, byte[]> letter = awaitDeadLetter(poison.id());
        assertEquals("validation", header(letter, DeadLetterPublisher.CAUSE));
        assertEquals("text", header(letter, DeadLetterPublisher.FIELD));
        assertEquals(1L, placed.sequence(), "the poison post did not join the event");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> posts.count("id", poison.id())));
    }

    static List<TimelineChanged> awaitPlaced(PostAccepted... expected) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(Kafka::timeline,
                changes -> List.of(expected).stream().allMatch(p -> changes.stream().anyMatch(c -> isPlacementOf(c, p))));
    }

    static TimelineChanged placed(List<TimelineChanged> changes, PostAccepted post) {
        return changes.stream().filter(c -> isPlacementOf(c, post)).findFirst().orElseThrow();
    }

    static boolean isPlacementOf(TimelineChanged change, PostAccepted post) {
        return change.kind() == ChangeKind.POST_PLACED && change.post() != null && post.id().equals(change.post().id());
    }

    static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> Kafka.readAll(Topics.POSTS_DLQ).stream().filter(r -> key.equals(r.key())).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
