package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The nearly-joined memory survives a restart: the placement reports the pair, and an engine rebuilt with
 * {@code restore} and {@code restoreNearlyJoined} merges the two events back when due, as the engine that never stopped
 * does; rebuilt without it, the picture's event would stay apart.
 */
class NearlyJoinedRestoreTest {

    /** Just past the default {@code nearlyJoinedHours} (6 h) after the picture, in minutes from T0. */
    private static final long DUE = 56 + 6 * 60 + 1;
    private static final String[] EVERYDAY = {
        "city council record budget", "a record crowd at the stadium", "football match tonight great goal",
        "recipe pasta dinner tasty", "concert tickets sold out quickly", "weather sunny and warm today"};

    private final AtomicInteger ids = new AtomicInteger();
    private final List<PostEvidence> posts = new ArrayList<>();
    private final List<Placement> placements = new ArrayList<>();

    /** Every new picture must score 0.95 to join on words, so a picture of the fire nearly joins it instead. */
    private GroupingEngine engine() {
        return new GroupingEngine(GroupingSettings.defaults().with("newImageJoinThreshold", "0.95"),
                () -> "id" + ids.incrementAndGet());
    }

    private Placement place(GroupingEngine engine, PostEvidence post) {
        Placement placement = engine.place(post);
        posts.add(post);
        placements.add(placement);
        return placement;
    }

    /** Everyday chatter, a harbour fire, then a picture of it that nearly joins; returns the picture's placement. */
    private Placement stream(GroupingEngine engine) {
        for (int i = 0; i < 36; i++) {
            place(engine, Posts.text("bg" + i, EVERYDAY[i % EVERYDAY.length], Posts.minutes(i)));
        }
        place(engine, Posts.text("a1", "huge fire at the harbour warehouse tonight", Posts.minutes(50)));
        place(engine, Posts.text("a2", "harbour warehouse fire spreading, firefighters on site", Posts.minutes(52)));
        place(engine, Posts.text("a3", "smoke over the harbour, warehouse fire still burning", Posts.minutes(54)));
        return place(engine, Posts.post("a5", "harbour warehouse fire pictures from my balcony", Posts.minutes(56), null,
                List.of(Posts.image("sha-fire", "0f0f0f0f0f0f0f0f")), null));
    }

    private GroupingEngine rebuilt() {
        GroupingEngine engine = engine();
        for (int i = 0; i < posts.size(); i++) {
            engine.restore(posts.get(i), placements.get(i).eventId(), placements.get(i).storylineId());
        }
        return engine;
    }

    @Test
    void aRebuiltEngineGivenThePairMergesThePictureBackWhenDue() {
        GroupingEngine original = engine();
        Placement picture = stream(original);
        String fire = placements.get(placements.size() - 2).eventId();
        NearlyJoined pair = picture.nearlyJoined();
        assertNotNull(pair, String.join(" | ", picture.reasons()));
        assertEquals(picture.eventId(), pair.fragmentEventId());
        assertEquals(fire, pair.nearEventId());
        assertEquals(Posts.minutes(56 + 6 * 60), pair.due());
        assertNull(placements.get(0).nearlyJoined(), "an ordinary placement reports no pair");

        GroupingEngine restarted = rebuilt();
        restarted.restoreNearlyJoined(pair);
        GroupingEngine forgetful = rebuilt();

        PostEvidence later = Posts.text("bg-late", "recipe pasta dinner tasty", Posts.minutes(DUE));
        List<EventMerge> expected = List.of(new EventMerge(picture.eventId(), fire));
        assertEquals(expected, original.place(later).merges(), "the engine that never stopped");
        assertEquals(expected, restarted.place(later).merges(), "the rebuilt engine given the pair");
        assertTrue(forgetful.place(later).merges().isEmpty(), "rebuilt without the pair, the picture stays apart");
    }

    @Test
    void aPairWhoseEventsAreUnknownIsIgnored() {
        GroupingEngine original = engine();
        stream(original);
        GroupingEngine restarted = rebuilt();
        restarted.restoreNearlyJoined(new NearlyJoined("no-such-event", "nor-this", Posts.minutes(60)));
        Placement later = restarted.place(Posts.text("bg-late", "recipe pasta dinner tasty", Posts.minutes(DUE)));
        assertTrue(later.merges().isEmpty(), String.join(" | ", later.reasons()));
    }
}
