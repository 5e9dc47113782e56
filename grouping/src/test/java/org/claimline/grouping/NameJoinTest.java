package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code nameJoinCosine}: a post that says little more than a bursting event's own name (too common in the stream to
 * count as a rare shared term) joins that event, as its words are the event's main words; a post that names the event in
 * passing while saying something else in words never seen before does not (they count in full in this cosine).
 */
class NameJoinTest {

    /** Everyday topics before the burst, so that IDF knows the stream. */
    private static final String[] TOPICS = {
        "council votes record budget for schools and parks",
        "football club signs young striker from abroad",
        "pasta recipe with garlic basil and lemon zest",
        "concert tickets for the summer festival sold out",
        "new phone launch with bigger battery and camera",
        "highway roadworks cause long traffic queues"};

    /** What the flood's posts add to its name: each a different detail, as in a real burst. */
    private static final String[] DETAILS = {
        "bridge closed", "roads under water", "shelters open", "rescue boats out", "power cut downtown",
        "school cancelled", "volunteers filling sandbags", "river still rising", "cars stranded", "evacuation ordered"};

    private final AtomicInteger ids = new AtomicInteger();

    private GroupingEngine engine(GroupingSettings settings) {
        return new GroupingEngine(settings, () -> "id" + ids.incrementAndGet());
    }

    /** The everyday topics (ten posts each, different authors), then a burst of 60 posts naming the Riverton flood. */
    private static Placement burst(GroupingEngine engine) {
        int minute = 0;
        for (int round = 0; round < 10; round++) {
            for (int t = 0; t < TOPICS.length; t++) {
                engine.place(Posts.text("bg" + t + "-" + round, TOPICS[t], Posts.minutes(minute++)));
            }
        }
        Placement flood = null;
        for (int i = 0; i < 60; i++) {
            String detail = DETAILS[i % DETAILS.length];
            Placement p = engine.place(Posts.text("f" + i, "#RivertonFlood " + detail + " in Riverton flood",
                    Posts.minutes(minute++)));
            flood = flood == null ? p : flood;
        }
        return flood;
    }

    @Test
    void aPostSayingOnlyTheBurstingEventsNameJoinsIt() {
        GroupingEngine engine = engine(GroupingSettings.defaults());
        Placement flood = burst(engine);
        Placement name = engine.place(Posts.text("n1", "Riverton flood!! #RivertonFlood http://t.co/AbCdEf12",
                Posts.minutes(200)));
        assertEquals(flood.eventId(), name.eventId(), String.join(" | ", name.reasons()));
        assertTrue(name.reasons().stream().anyMatch(r -> r.contains("main words")), String.join(" | ", name.reasons()));
    }

    @Test
    void withTheSettingOffTheSamePostStartsAnEventOfItsOwn() {
        GroupingEngine engine = engine(GroupingSettings.defaults().with("nameJoinCosine", "0"));
        Placement flood = burst(engine);
        Placement name = engine.place(Posts.text("n1", "Riverton flood!! #RivertonFlood http://t.co/AbCdEf12",
                Posts.minutes(200)));
        assertNotEquals(flood.eventId(), name.eventId(), String.join(" | ", name.reasons()));
        assertTrue(name.newEvent());
    }

    @Test
    void aPostNamingTheEventInPassingWhileSayingSomethingElseStartsItsOwnEvent() {
        GroupingEngine engine = engine(GroupingSettings.defaults());
        Placement flood = burst(engine);
        Placement passing = engine.place(Posts.text("g2", "selling my vintage guitar amplifier, collector condition,"
                + " cash only, pickup near the old flood museum", Posts.minutes(200)));
        assertNotEquals(flood.eventId(), passing.eventId(), String.join(" | ", passing.reasons()));
        assertTrue(passing.newEvent(), String.join(" | ", passing.reasons()));
    }
}
