package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code storyMergeCosine}: two storylines of one event told only in words merge when their centroids agree, and the
 * merge is published in {@link Placement#storylineMerges()}; storylines of pictures never merge on words.
 */
class StorylineMergeTest {

    private static final String FIRST = "huge fire at the harbour warehouse tonight";
    private static final String RETELLING = "harbour warehouse fire spreading, firefighters on site";

    private final AtomicInteger ids = new AtomicInteger();

    /** No post joins a storyline on words, so every retelling starts its own and only a merge can bring them together. */
    private GroupingEngine engine(String storyMergeCosine) {
        return new GroupingEngine(GroupingSettings.defaults().with("storyThreshold", "0.99")
                .with("storyTextOnlyThreshold", "0.99").with("storyMergeCosine", storyMergeCosine),
                () -> "id" + ids.incrementAndGet());
    }

    @Test
    void aRetellingsStorylineMergesIntoTheStorylineItRetells() {
        GroupingEngine engine = engine(String.valueOf(GroupingSettings.defaults().storyMergeCosine()));
        Posts.background(engine);
        Placement first = engine.place(Posts.text("a1", FIRST, Posts.minutes(50)));
        Placement retelling = engine.place(Posts.text("a2", RETELLING, Posts.minutes(52)));
        assertEquals(first.eventId(), retelling.eventId(), String.join(" | ", retelling.reasons()));
        assertEquals(first.storylineId(), retelling.storylineId(), String.join(" | ", retelling.reasons()));
        assertEquals(1, retelling.storylineMerges().size(), String.join(" | ", retelling.reasons()));
        StorylineMerge merge = retelling.storylineMerges().get(0);
        assertEquals(first.storylineId(), merge.intoStorylineId());
        assertEquals(first.eventId(), merge.eventId());
        assertNotEquals(first.storylineId(), merge.fromStorylineId());
        assertFalse(retelling.newStoryline(), "a storyline merged at once was not new");
        assertTrue(retelling.signals().stream().noneMatch(s -> s.type().equals(Signal.FIRST_REPORT)));
        assertEquals(2, retelling.corroboration(), "the voices of both storylines count");
    }

    @Test
    void withTheSettingOffTheRetellingKeepsItsOwnStoryline() {
        GroupingEngine engine = engine("0");
        Posts.background(engine);
        Placement first = engine.place(Posts.text("a1", FIRST, Posts.minutes(50)));
        Placement retelling = engine.place(Posts.text("a2", RETELLING, Posts.minutes(52)));
        assertEquals(first.eventId(), retelling.eventId(), String.join(" | ", retelling.reasons()));
        assertNotEquals(first.storylineId(), retelling.storylineId());
        assertTrue(retelling.storylineMerges().isEmpty());
    }

    @Test
    void storylinesOfPicturesDoNotMergeOnWords() {
        GroupingEngine engine = engine(String.valueOf(GroupingSettings.defaults().storyMergeCosine()));
        Posts.background(engine);
        Placement first = engine.place(Posts.post("a1", FIRST, Posts.minutes(50), null,
                List.of(Posts.image("sha-one", "0f0f0f0f0f0f0f0f")), null));
        Placement retelling = engine.place(Posts.post("a2", RETELLING, Posts.minutes(52), null,
                List.of(Posts.image("sha-two", "f0f0f0f0f0f0f0f0")), null));
        assertEquals(first.eventId(), retelling.eventId(), String.join(" | ", retelling.reasons()));
        assertNotEquals(first.storylineId(), retelling.storylineId());
        assertTrue(retelling.storylineMerges().isEmpty());
    }

    private static final PostEvidence.Place HARBOUR = new PostEvidence.Place(53.54, 9.98, 2.0, null);
    private static final PostEvidence.Place FAR_AWAY = new PostEvidence.Place(40.70, -74.01, 2.0, null);

    /**
     * A report of the same fire claimed far away scores too little to join (strict join threshold) and starts an event
     * of its own, which fragment merging joins with the running one at once: the storyline it brings retells the
     * running one's.
     */
    private List<Placement> fragmentMerged(String storyMergeCosine) {
        GroupingEngine engine = new GroupingEngine(GroupingSettings.defaults().with("joinThreshold", "0.5")
                .with("storyMergeCosine", storyMergeCosine), () -> "id" + ids.incrementAndGet());
        Posts.background(engine);
        List<Placement> out = new ArrayList<>();
        out.add(engine.place(Posts.post("a1", FIRST, Posts.minutes(50), HARBOUR, List.of(), null)));
        out.add(engine.place(Posts.post("a2", RETELLING, Posts.minutes(51), HARBOUR, List.of(), null)));
        out.add(engine.place(Posts.post("b1", "harbour warehouse fire tonight, firefighters on site", Posts.minutes(52),
                FAR_AWAY, List.of(), null)));
        return out;
    }

    @Test
    void aStorylineBroughtByAnEventMergeMergesWithTheOneItRetells() {
        List<Placement> out = fragmentMerged(String.valueOf(GroupingSettings.defaults().storyMergeCosine()));
        Placement far = out.get(2);
        assertTrue(far.newEvent(), String.join(" | ", far.reasons()));
        assertEquals(1, far.merges().size(), String.join(" | ", far.reasons()));
        assertEquals(out.get(0).eventId(), far.merges().get(0).intoEventId(), "the far event went into the running one");
        assertEquals(out.get(0).eventId(), far.eventId());
        assertEquals(1, far.storylineMerges().size(), String.join(" | ", far.reasons()));
        assertEquals(resolve(out.get(0).storylineId(), out), far.storylineId());
        assertEquals(resolve(out.get(1).storylineId(), out), far.storylineId());
    }

    @Test
    void withTheSettingOffAnEventMergeKeepsTheStorylinesItBrings() {
        List<Placement> out = fragmentMerged("0");
        Placement far = out.get(2);
        assertEquals(1, far.merges().size(), String.join(" | ", far.reasons()));
        assertTrue(far.storylineMerges().isEmpty());
        assertNotEquals(resolve(out.get(0).storylineId(), out), far.storylineId());
    }

    private static String resolve(String storylineId, List<Placement> placements) {
        String id = storylineId;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Placement p : placements) {
                for (StorylineMerge m : p.storylineMerges()) {
                    if (m.fromStorylineId().equals(id)) {
                        id = m.intoStorylineId();
                        changed = true;
                    }
                }
            }
        }
        return id;
    }

    /** After a restart that replays each post under its storyline after the merges, a new retelling finds it. */
    @Test
    void aRestartReplayingTheMergedStorylineContinuesIt() {
        String cosine = String.valueOf(GroupingSettings.defaults().storyMergeCosine());
        GroupingEngine engine = engine(cosine);
        List<PostEvidence> posts = new ArrayList<>();
        List<Placement> placements = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            posts.add(Posts.text("bg" + i, i % 2 == 0 ? "football match tonight great goal" : "recipe pasta dinner tasty",
                    Posts.minutes(i)));
        }
        posts.add(Posts.text("a1", FIRST, Posts.minutes(50)));
        posts.add(Posts.text("a2", RETELLING, Posts.minutes(52)));
        posts.forEach(p -> placements.add(engine.place(p)));
        String survivor = placements.get(placements.size() - 1).storylineId();
        assertEquals(placements.get(placements.size() - 2).storylineId(), survivor);

        GroupingEngine restarted = engine(cosine);
        for (int i = 0; i < posts.size(); i++) {
            Placement p = placements.get(i);
            // claims-service stores each post under its storyline after the merges it was told about
            String storyline = p.storylineId();
            for (Placement later : placements) {
                for (StorylineMerge m : later.storylineMerges()) {
                    if (m.fromStorylineId().equals(storyline)) {
                        storyline = m.intoStorylineId();
                    }
                }
            }
            restarted.restore(posts.get(i), p.eventId(), storyline);
        }
        Placement next = restarted.place(Posts.text("a3", "smoke over the harbour, warehouse fire still burning",
                Posts.minutes(54)));
        assertEquals(survivor, next.storylineId(), String.join(" | ", next.reasons()));
    }
}
