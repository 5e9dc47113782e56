package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code storyPileMinPosts}: a post that reaches no storyline of its event and brings no new picture joins the event's
 * largest storyline told in words (its general reports) once that has enough posts, instead of a storyline of its own.
 */
class GeneralStorylineTest {

    private static final String GENERAL = "#harbourfire praying for all the families tonight";

    private final AtomicInteger ids = new AtomicInteger();

    private GroupingEngine engine(String minPosts) {
        return new GroupingEngine(GroupingSettings.defaults().with("storyPileMinPosts", minPosts),
                () -> "id" + ids.incrementAndGet());
    }

    /** Three retellings of one claim, every one with the event's hashtag; the first placement. */
    private static Placement claim(GroupingEngine engine) {
        Posts.background(engine);
        Placement first = engine.place(Posts.text("a1", "#harbourfire warehouse roof collapsed, firefighters pulled back",
                Posts.minutes(50)));
        engine.place(Posts.text("a2", "#harbourfire the warehouse roof has collapsed, firefighters out", Posts.minutes(52)));
        engine.place(Posts.text("a3", "#harbourfire roof of the warehouse collapsed just now", Posts.minutes(54)));
        return first;
    }

    @Test
    void aPostThatTellsNoClaimJoinsTheEventsGeneralReports() {
        GroupingEngine engine = engine("3");
        Placement first = claim(engine);
        Placement general = engine.place(Posts.text("a4", GENERAL, Posts.minutes(56)));
        String why = String.join(" | ", general.reasons());
        assertEquals(first.eventId(), general.eventId(), why);
        assertEquals(first.storylineId(), general.storylineId(), why);
        assertFalse(general.newStoryline(), why);
        assertTrue(why.contains("general reports"), why);
    }

    @Test
    void withTheSettingOffTheSamePostStartsAStorylineOfItsOwn() {
        GroupingEngine engine = engine("0");
        Placement first = claim(engine);
        Placement general = engine.place(Posts.text("a4", GENERAL, Posts.minutes(56)));
        String why = String.join(" | ", general.reasons());
        assertEquals(first.eventId(), general.eventId(), why);
        assertNotEquals(first.storylineId(), general.storylineId(), why);
        assertTrue(general.newStoryline(), why);
    }

    @Test
    void aStorylineUnderTheMinimumIsNotYetTheGeneralReports() {
        GroupingEngine engine = engine("4");
        Placement first = claim(engine);
        Placement general = engine.place(Posts.text("a4", GENERAL, Posts.minutes(56)));
        String why = String.join(" | ", general.reasons());
        assertEquals(first.eventId(), general.eventId(), why);
        assertNotEquals(first.storylineId(), general.storylineId(), why);
    }

    @Test
    void aPostBringingANewPictureStartsItsOwnStorylineWhateverTheGeneralReports() {
        GroupingEngine engine = engine("3");
        Placement first = claim(engine);
        Placement picture = engine.place(Posts.post("a4", GENERAL, Posts.minutes(56), null,
                List.of(Posts.image("sha-new", "00ff00ff00ff00ff")), null));
        String why = String.join(" | ", picture.reasons());
        assertEquals(first.eventId(), picture.eventId(), why);
        assertNotEquals(first.storylineId(), picture.storylineId(), why);
        assertTrue(picture.newStoryline(), why);
    }
}
