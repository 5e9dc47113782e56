package org.claimline.claims.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.claimline.claims.Kafka;
import org.claimline.claims.TestPosts;
import org.claimline.claims.domain.NearlyJoined;
import org.claimline.claims.domain.Placement;
import org.claimline.claims.domain.Placer;
import org.claimline.claims.repository.EventEntity;
import org.claimline.claims.repository.EventRepository;
import org.claimline.claims.repository.NearlyJoinedRepository;
import org.claimline.claims.repository.PostRepository;
import org.claimline.claims.repository.StorylineEntity;
import org.claimline.claims.repository.StorylineRepository;
import org.claimline.contracts.ChangeKind;
import org.claimline.contracts.EventsMerged;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.StorylinesMerged;
import org.claimline.contracts.TimelineChanged;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * What the writer stores for the merges a placer can report, with a placer that says exactly what the test scripts:
 * an older event absorbed by the event a post has just opened, a post's own new event absorbed at once, and one
 * storyline absorbed by another of its event.
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
    @Inject
    StorylineRepository storylines;
    @Inject
    NearlyJoinedRepository nearlyJoined;

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

    @Test
    void aStorylineMergeMovesItsPostsAndCountsAndIsPublished() {
        storylineMerge(true);
    }

    @Test
    void aStorylineMergeMovesPostsOfEarlierBatches() {
        storylineMerge(false);
    }

    /**
     * The engine can merge in a chain within one placement: a storyline moved by an event merge is absorbed by the
     * storyline the post just opened, which is then absorbed by an older one. The stored storyline's post must end in
     * the survivor, not stay behind in a storyline the engine no longer has.
     */
    @Test
    void aChainOfStorylineMergesThroughTheStorylineAPostOpenedMovesEverything() {
        String event = TestPosts.newId("chain");
        String kept = event + "-kept";
        String moved = event + "-moved";
        String opened = event + "-opened";
        PostAccepted first = post("first", 0);
        PostAccepted second = post("second", 30);
        PostAccepted third = post("third", 60);
        PostAccepted fourth = post("fourth", 90);
        ScriptedPlacer placer = new ScriptedPlacer();
        placer.next(new Placement(first.id(), event, kept, List.of("new event"), List.of(), List.of(), null, null,
                Placement.NOT_COUNTED));
        placer.next(new Placement(second.id(), event, kept, List.of("same claim"), List.of(), List.of(), null, null,
                Placement.NOT_COUNTED));
        placer.next(new Placement(third.id(), event, moved, List.of("new storyline"), List.of(), List.of(), null,
                null, Placement.NOT_COUNTED));
        placer.next(new Placement(fourth.id(), event, kept, List.of("new storyline"), List.of(), List.of(), null,
                null, Placement.NOT_COUNTED, List.of(new StorylinesMerged(moved, opened),
                        new StorylinesMerged(opened, kept))));

        writer.write(List.of(first, second, third), placer);
        writer.write(List.of(fourth), placer);

        assertEquals(kept, QuarkusTransaction.requiringNew()
                .call(() -> posts.find("id", third.id()).firstResult().storylineId), "the moved story's post");
        StorylineEntity survivor = storyline(kept);
        assertEquals(4, survivor.postCount);
        assertEquals(opened, storyline(moved).mergedInto);
        assertEquals(kept, storyline(opened).mergedInto);
        assertEquals(0, storyline(opened).postCount);
        assertEquals(1, event(event).storylineCount);
        List<StorylinesMerged> published = await().atMost(Duration.ofSeconds(30)).until(() -> Kafka.timeline().stream()
                .filter(c -> c.kind() == ChangeKind.STORYLINES_MERGED && event.equals(c.eventId()))
                .map(TimelineChanged::storylinesMerged).toList(), merges -> merges.size() == 2);
        assertEquals(List.of(new StorylinesMerged(moved, opened), new StorylinesMerged(opened, kept)), published);
    }

    /**
     * A nearly-joined pair is stored with its batch and read back for a rebuilt placer while the picture's event is an
     * event of its own, its near event followed through a merge; once the picture's event is merged it is not.
     */
    @Test
    void aNearlyJoinedPairIsStoredAndReadBackWhileItsFragmentStandsAlone() {
        String near = TestPosts.newId("near");
        String fragment = TestPosts.newId("picture");
        String absorbing = TestPosts.newId("absorbing");
        PostAccepted first = post("first", 0);
        PostAccepted picture = post("picture", 60);
        PostAccepted linking = post("linking", 120);
        PostAccepted joining = post("joining", 180);
        Instant due = T0.plusSeconds(60).plus(Duration.ofHours(6));
        ScriptedPlacer placer = new ScriptedPlacer();
        placer.next(new Placement(first.id(), near, near + "-s", List.of("new event"), List.of(), List.of(), null, null,
                Placement.NOT_COUNTED));
        placer.next(new Placement(picture.id(), fragment, fragment + "-s", List.of("new picture"), List.of(),
                List.of(), null, null, Placement.NOT_COUNTED, List.of(), new NearlyJoined(fragment, near, due)));
        placer.next(new Placement(linking.id(), absorbing, absorbing + "-s", List.of("new event"), List.of(),
                List.of(new EventsMerged(near, absorbing)), null, null, Placement.NOT_COUNTED));
        placer.next(new Placement(joining.id(), absorbing, absorbing + "-s", List.of("joined"), List.of(),
                List.of(new EventsMerged(fragment, absorbing)), null, null, Placement.NOT_COUNTED));

        writer.write(List.of(first, picture), placer);
        assertEquals(List.of(new NearlyJoined(fragment, near, due)), pairsOf(fragment));
        writer.write(List.of(linking), placer);
        assertEquals(List.of(new NearlyJoined(fragment, absorbing, due)), pairsOf(fragment),
                "the near event was absorbed: the pair follows it");
        writer.write(List.of(joining), placer);
        assertEquals(List.of(), pairsOf(fragment), "the picture's event is merged: nothing left to compare");
    }

    private List<NearlyJoined> pairsOf(String fragment) {
        return QuarkusTransaction.requiringNew().call(() -> nearlyJoined.unmerged()).stream()
                .filter(p -> p.fragmentEventId().equals(fragment)).toList();
    }

    /** The absorbed storyline's post is written in the merging batch, or in a batch before it. */
    private void storylineMerge(boolean sameBatch) {
        String event = TestPosts.newId("told");
        String kept = event + "-kept";
        String absorbed = event + "-absorbed";
        PostAccepted first = post("first", 0);
        PostAccepted retold = post("retold", 60);
        PostAccepted third = post("third", 120);
        ScriptedPlacer placer = new ScriptedPlacer();
        placer.next(new Placement(first.id(), event, kept, List.of("new event"), List.of(), List.of(), null, null,
                Placement.NOT_COUNTED));
        placer.next(new Placement(retold.id(), event, absorbed, List.of("new storyline"), List.of(), List.of(), null,
                null, Placement.NOT_COUNTED));
        placer.next(new Placement(third.id(), event, kept, List.of("same claim"), List.of(), List.of(), null, null,
                Placement.NOT_COUNTED, List.of(new StorylinesMerged(absorbed, kept))));

        writer.write(List.of(first), placer);
        if (sameBatch) {
            writer.write(List.of(retold, third), placer);
        } else {
            writer.write(List.of(retold), placer);
            writer.write(List.of(third), placer);
        }

        assertEquals(kept, QuarkusTransaction.requiringNew()
                .call(() -> posts.find("id", retold.id()).firstResult().storylineId), "the retelling moved");
        StorylineEntity survivor = storyline(kept);
        StorylineEntity gone = storyline(absorbed);
        assertEquals(3, survivor.postCount);
        assertEquals(3, survivor.authorCount, "three distinct claimed authors");
        assertEquals(first.id(), survivor.firstPostId);
        assertEquals(kept, gone.mergedInto);
        assertEquals(0, gone.postCount);
        assertEquals(1, event(event).storylineCount);

        TimelineChanged published = await().atMost(Duration.ofSeconds(30)).until(() -> Kafka.timeline().stream()
                .filter(c -> c.kind() == ChangeKind.STORYLINES_MERGED && event.equals(c.eventId())).findFirst(),
                Optional::isPresent).orElseThrow();
        assertEquals(new StorylinesMerged(absorbed, kept), published.storylinesMerged());
        assertEquals(kept, published.storyline().id());
        assertEquals(1, published.event().storylineCount());
    }

    private StorylineEntity storyline(String id) {
        return QuarkusTransaction.requiringNew().call(() -> storylines.findById(id));
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
        public int hotEvents() {
            return 0;
        }

        @Override
        public String name() {
            return "scripted";
        }
    }
}
