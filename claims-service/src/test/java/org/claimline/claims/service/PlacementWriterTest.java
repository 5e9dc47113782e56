package org.claimline.claims.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.claimline.claims.TestPosts;
import org.claimline.claims.domain.Placement;
import org.claimline.claims.domain.Placer;
import org.claimline.claims.repository.EventEntity;
import org.claimline.claims.repository.EventRepository;
import org.claimline.claims.repository.PostRepository;
import org.claimline.contracts.EventsMerged;
import org.claimline.contracts.PostAccepted;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * What the writer stores for the merges a placer can report, with a placer that says exactly what the test scripts:
 * an older event absorbed by the event a post has just opened, and a post's own new event absorbed at once.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PlacementWriterTest {

    private static final Instant T0 = Instant.parse("2018-06-01T08:00:00Z");

    @Inject
    PlacementWriter writer;
    @Inject
    EventRepository events;
    @Inject
    PostRepository posts;

    @Test
    void anOlderEventAbsorbedByTheEventAPostOpensIsMergedIntoIt() {
        String older = TestPosts.newId("older");
        String opened = TestPosts.newId("opened");
        PostAccepted first = post("first", 0);
        PostAccepted second = post("second", 60);
        ScriptedPlacer placer = new ScriptedPlacer();
        placer.next(new Placement(first.id(), older, older + "-s", List.of("new event"), List.of(), List.of(),
                null, null, Placement.NOT_COUNTED));
        placer.next(new Placement(second.id(), opened, opened + "-s", List.of("new event"), List.of(),
                List.of(new EventsMerged(older, opened)), null, null, Placement.NOT_COUNTED));

        assertEquals(1, writer.write(List.of(first), placer));
        assertEquals(1, writer.write(List.of(second), placer));

        EventEntity absorbed = event(older);
        EventEntity survivor = event(opened);
        assertEquals(EventEntity.MERGED, absorbed.status);
        assertEquals(opened, absorbed.mergedInto);
        assertEquals(2, survivor.postCount, "the absorbed event's post and the new one");
        assertEquals(2, survivor.storylineCount);
        assertEquals(opened, QuarkusTransaction.requiringNew()
                .call(() -> posts.find("id", first.id()).firstResult().eventId), "the older post moved");
    }

    @Test
    void aPostsOwnNewEventAbsorbedAtOnceLeavesNoTrace() {
        String kept = TestPosts.newId("kept");
        String fleeting = TestPosts.newId("fleeting");
        PostAccepted first = post("first", 0);
        PostAccepted second = post("second", 30);
        ScriptedPlacer placer = new ScriptedPlacer();
        placer.next(new Placement(first.id(), kept, kept + "-s", List.of("new event"), List.of(), List.of(),
                null, null, Placement.NOT_COUNTED));
        placer.next(new Placement(second.id(), kept, kept + "-s", List.of("joined"), List.of(),
                List.of(new EventsMerged(fleeting, kept)), null, null, Placement.NOT_COUNTED));

        writer.write(List.of(first, second), placer);

        assertNull(QuarkusTransaction.requiringNew().call(() -> events.findById(fleeting)));
        EventEntity event = event(kept);
        assertEquals(EventEntity.LIVE, event.status);
        assertEquals(2, event.postCount);
    }

    private EventEntity event(String id) {
        return QuarkusTransaction.requiringNew().call(() -> events.findById(id));
    }

    private static PostAccepted post(String prefix, int seconds) {
        return TestPosts.post(TestPosts.newId(prefix), "@" + prefix, TestPosts.somewhere(), T0.plusSeconds(seconds),
                "Scripted placement " + prefix);
    }

    /** Answers each post with the next scripted placement. */
    private static final class ScriptedPlacer implements Placer {

        private final Deque<Placement> script = new ArrayDeque<>();

        void next(Placement placement) {
            script.add(placement);
        }

        @Override
        public Placement place(PostAccepted post) {
            Placement next = script.remove();
            assertEquals(next.postId(), post.id(), "posts arrive in the scripted order");
            return next;
        }

        @Override
        public void restore(PostAccepted post, String eventId, String storylineId) {
        }

        @Override
        public String name() {
            return "scripted";
        }
    }
}
