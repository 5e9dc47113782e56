package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A new event started by a new picture that nearly joined a running event merges back into it when, hours later, the two
 * share several informative terms, and stays apart when they share one word.
 */
class NearlyJoinedTest {

    /** Just past the default {@code nearlyJoinedHours} (6 h) after the picture, in minutes from T0. */
    private static final long DUE = 56 + 6 * 60 + 1;

    private final AtomicInteger ids = new AtomicInteger();

    /** Every new picture must score 0.95 to join on words, so each one nearly joins instead. */
    private GroupingEngine engine() {
        return new GroupingEngine(GroupingSettings.defaults().with("newImageJoinThreshold", "0.95"),
                () -> "id" + ids.incrementAndGet());
    }


    private Placement picture(GroupingEngine engine, String text, String sha, Instant at) {
        return engine.place(Posts.post("a5", text, at, null, List.of(Posts.image(sha, "0f0f0f0f0f0f0f0f")), null));
    }

    @Test
    void aPictureOfTheSameFireMergesBackWhenDue() {
        GroupingEngine engine = engine();
        Placement fire = Posts.harbourFire(engine);
        Placement picture = picture(engine, "harbour warehouse fire pictures from my balcony", "sha-fire",
                Posts.minutes(56));
        assertNotEquals(fire.eventId(), picture.eventId());
        assertTrue(picture.reasons().stream().anyMatch(r -> r.contains("nearly joined event " + fire.eventId())),
                String.join(" | ", picture.reasons()));

        Placement before = engine.place(Posts.text("bg-early", "concert tickets sold out quickly", Posts.minutes(DUE - 2)));
        assertTrue(before.merges().isEmpty(), "not due yet: " + before.merges());

        Placement later = engine.place(Posts.text("bg-late", "recipe pasta dinner tasty", Posts.minutes(DUE)));
        assertEquals(List.of(new EventMerge(picture.eventId(), fire.eventId())), later.merges(),
                String.join(" | ", later.reasons()));
        Placement repost = picture(engine, "look at this", "sha-fire", Posts.minutes(DUE + 5));
        assertEquals(fire.eventId(), repost.eventId(), String.join(" | ", repost.reasons()));
    }

    @Test
    void aPictureSharingOneWordStaysApart() {
        GroupingEngine engine = engine();
        Placement fire = Posts.harbourFire(engine);
        Placement picture = picture(engine, "sunset over the harbour from my balcony, lovely colours", "sha-sunset",
                Posts.minutes(56));
        assertNotEquals(fire.eventId(), picture.eventId());
        assertTrue(picture.reasons().stream().anyMatch(r -> r.contains("nearly joined event " + fire.eventId())),
                String.join(" | ", picture.reasons()));

        Placement later = engine.place(Posts.text("bg-late", "recipe pasta dinner tasty", Posts.minutes(DUE)));
        assertTrue(later.merges().isEmpty(), String.join(" | ", later.reasons()));
        // compared again at the same interval, still one shared word
        Placement again = engine.place(Posts.text("bg-again", "new phone launch review battery", Posts.minutes(DUE + 6 * 60)));
        assertTrue(again.merges().isEmpty(), String.join(" | ", again.reasons()));
        Placement repost = picture(engine, "look at this", "sha-sunset", Posts.minutes(DUE + 6 * 60 + 5));
        assertEquals(picture.eventId(), repost.eventId(), String.join(" | ", repost.reasons()));
    }

    @Test
    void offWhenNearlyJoinedHoursIsZero() {
        GroupingEngine engine = new GroupingEngine(GroupingSettings.defaults().with("newImageJoinThreshold", "0.95")
                .with("nearlyJoinedHours", "0"), () -> "id" + ids.incrementAndGet());
        Placement fire = Posts.harbourFire(engine);
        Placement picture = picture(engine, "harbour warehouse fire pictures from my balcony", "sha-fire",
                Posts.minutes(56));
        assertNotEquals(fire.eventId(), picture.eventId());
        Placement later = engine.place(Posts.text("bg-late", "recipe pasta dinner tasty", Posts.minutes(DUE)));
        assertTrue(later.merges().isEmpty(), String.join(" | ", later.reasons()));
    }
}
