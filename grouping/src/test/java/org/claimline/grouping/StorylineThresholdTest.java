package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code storyTextOnlyThreshold}: a storyline told only in words is joined at its own, lower threshold, while a
 * storyline of a picture is joined on words only at {@code storyThreshold}.
 */
class StorylineThresholdTest {

    private static final String RETELLING = "firefighters still fighting the harbour warehouse fire, stay safe everyone";

    private final AtomicInteger ids = new AtomicInteger();

    /** A strict {@code storyThreshold}, so that only the text-only threshold (default) can let the retelling in. */
    private GroupingEngine engine() {
        return new GroupingEngine(GroupingSettings.defaults().with("storyThreshold", "0.95"),
                () -> "id" + ids.incrementAndGet());
    }


    @Test
    void aRetellingJoinsAStorylineToldInWords() {
        GroupingEngine engine = engine();
        Posts.background(engine);
        Placement first = engine.place(Posts.text("a1", "huge fire at the harbour warehouse, firefighters on site",
                Posts.minutes(50)));
        Placement retelling = engine.place(Posts.text("a2", RETELLING, Posts.minutes(52)));
        assertEquals(first.eventId(), retelling.eventId(), String.join(" | ", retelling.reasons()));
        assertEquals(first.storylineId(), retelling.storylineId(), String.join(" | ", retelling.reasons()));
        assertTrue(!retelling.newStoryline());
    }

    @Test
    void theSameRetellingDoesNotJoinAPictureStorylineBelowStoryThreshold() {
        GroupingEngine engine = engine();
        Posts.background(engine);
        Placement first = engine.place(Posts.post("a1", "huge fire at the harbour warehouse, firefighters on site",
                Posts.minutes(50), null, List.of(Posts.image("sha-fire", "0f0f0f0f0f0f0f0f")), null));
        Placement retelling = engine.place(Posts.text("a2", RETELLING, Posts.minutes(52)));
        assertEquals(first.eventId(), retelling.eventId(), String.join(" | ", retelling.reasons()));
        assertNotEquals(first.storylineId(), retelling.storylineId(), String.join(" | ", retelling.reasons()));
    }

    /** Storyline merging off: it would merge the two storylines afterwards (StorylineMergeTest). */
    @Test
    void withTheTextOnlyThresholdAsStrictTheRetellingStartsItsOwnStoryline() {
        GroupingEngine engine = new GroupingEngine(GroupingSettings.defaults().with("storyThreshold", "0.95")
                .with("storyTextOnlyThreshold", "0.95").with("storyMergeCosine", "0"), () -> "id" + ids.incrementAndGet());
        Posts.background(engine);
        Placement first = engine.place(Posts.text("a1", "huge fire at the harbour warehouse, firefighters on site",
                Posts.minutes(50)));
        Placement retelling = engine.place(Posts.text("a2", RETELLING, Posts.minutes(52)));
        assertEquals(first.eventId(), retelling.eventId(), String.join(" | ", retelling.reasons()));
        assertNotEquals(first.storylineId(), retelling.storylineId(), String.join(" | ", retelling.reasons()));
    }
}
