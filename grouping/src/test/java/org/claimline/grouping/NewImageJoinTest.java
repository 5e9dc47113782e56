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


    private final AtomicInteger ids = new AtomicInteger();


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
        Placement fire = Posts.harbourFire(engine);
        Placement picture = engine.place(withPicture("sha-new", Posts.minutes(56)));
        assertNotEquals(fire.eventId(), picture.eventId(), String.join(" | ", picture.reasons()));
        assertTrue(picture.newEvent());
    }

    @Test
    void theSamePostJoinsWhenTheSettingIsOff() {
        GroupingEngine engine = engine(GroupingSettings.defaults().with("newImageJoinThreshold", "0"));
        Placement fire = Posts.harbourFire(engine);
        Placement picture = engine.place(withPicture("sha-new", Posts.minutes(56)));
        assertEquals(fire.eventId(), picture.eventId(), String.join(" | ", picture.reasons()));
    }

    @Test
    void aPostWithoutANewPictureJoinsOnTheSameWordsWhateverTheSetting() {
        GroupingEngine engine = engine(GroupingSettings.defaults().with("newImageJoinThreshold", "0.95"));
        Placement fire = Posts.harbourFire(engine);
        Placement words = engine.place(Posts.text("a4", "harbour warehouse fire pictures from my balcony",
                Posts.minutes(56)));
        assertEquals(fire.eventId(), words.eventId(), String.join(" | ", words.reasons()));
    }
}
