package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code newImageJoinThreshold}: a post bringing a picture never seen before joins an event on words only at it. */
class NewImageJoinTest {

    private static final String[] BACKGROUND = {
        "city council record budget", "a record crowd at the stadium", "football match tonight great goal",
        "recipe pasta dinner tasty", "concert tickets sold out quickly", "weather sunny and warm today",
        "new phone launch review battery", "traffic jam on the highway again"};

    private final AtomicInteger ids = new AtomicInteger();

    /** A running event about a harbour fire, after background posts that teach IDF which words are common. */
    private Placement harbourFire(GroupingEngine engine) {
        for (int i = 0; i < 40; i++) {
            engine.place(Posts.text("bg" + i, BACKGROUND[i % BACKGROUND.length], Posts.minutes(i)));
        }
        Placement first = engine.place(Posts.text("a1", "huge fire at the harbour warehouse tonight", Posts.minutes(50)));
        engine.place(Posts.text("a2", "harbour warehouse fire spreading, firefighters on site", Posts.minutes(52)));
        engine.place(Posts.text("a3", "smoke over the harbour, warehouse fire still burning", Posts.minutes(54)));
        return first;
    }

    private PostEvidence withPicture(String sha, Instant at) {
        return Posts.post("a4", "harbour warehouse fire pictures from my balcony", at, null,
                List.of(Posts.image(sha, "0f0f0f0f0f0f0f0f")), null);
    }

    private GroupingEngine engine(GroupingSettings settings) {
        return new GroupingEngine(settings, () -> "id" + ids.incrementAndGet());
    }

    @Test
    void aNewPictureWithWordsBelowTheStricterThresholdStartsItsOwnEvent() {
        GroupingEngine engine = engine(GroupingSettings.defaults().with("newImageJoinThreshold", "0.95"));
        Placement fire = harbourFire(engine);
        Placement picture = engine.place(withPicture("sha-new", Posts.minutes(56)));
        assertNotEquals(fire.eventId(), picture.eventId(), String.join(" | ", picture.reasons()));
        assertTrue(picture.newEvent());
    }

    @Test
    void theSamePostJoinsWhenTheSettingIsOff() {
        GroupingEngine engine = engine(GroupingSettings.defaults().with("newImageJoinThreshold", "0"));
        Placement fire = harbourFire(engine);
        Placement picture = engine.place(withPicture("sha-new", Posts.minutes(56)));
        assertEquals(fire.eventId(), picture.eventId(), String.join(" | ", picture.reasons()));
    }

    @Test
    void aPostWithoutANewPictureJoinsOnTheSameWordsWhateverTheSetting() {
        GroupingEngine engine = engine(GroupingSettings.defaults().with("newImageJoinThreshold", "0.95"));
        Placement fire = harbourFire(engine);
        Placement words = engine.place(Posts.text("a4", "harbour warehouse fire pictures from my balcony",
                Posts.minutes(56)));
        assertEquals(fire.eventId(), words.eventId(), String.join(" | ", words.reasons()));
    }
}
