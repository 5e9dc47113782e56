package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupingEngineTest {

    private final AtomicInteger ids = new AtomicInteger();
    private final GroupingEngine engine = new GroupingEngine(GroupingSettings.defaults(), () -> "id" + ids.incrementAndGet());

    /** Unrelated background posts so that IDF knows which words are common. */
    private void background(int count, Instant from) {
        String[] topics = {"football match tonight great goal", "new phone launch review battery", "recipe pasta dinner tasty",
            "traffic jam on the highway again", "concert tickets sold out quickly", "weather sunny and warm today"};
        for (int i = 0; i < count; i++) {
            engine.place(Posts.text("bg" + i, "the " + topics[i % topics.length] + " " + i, from.plusSeconds(i)));
        }
    }

    @Test
    void sameImageJoinsEventAndStorylineWhateverTheText() {
        Placement a = engine.place(Posts.post("a", "look at this", Posts.minutes(0), null,
                List.of(Posts.image("sha-1", "00ff00ff00ff00ff")), null));
        Placement b = engine.place(Posts.post("b", "completely different words here", Posts.minutes(5), null,
                List.of(Posts.image("sha-1", "00ff00ff00ff00ff")), null));
        assertEquals(a.eventId(), b.eventId());
        assertEquals(a.storylineId(), b.storylineId());
        assertTrue(b.reasons().get(0).contains("same image as post " + a.postId()), b.reasons().toString());
    }

    @Test
    void nearIdenticalImageJoinsButADifferentImageDoesNot() {
        Placement a = engine.place(Posts.post("a", "flood", Posts.minutes(0), null,
                List.of(Posts.image("sha-a", "f0f0f0f0f0f0f0f0")), null));
        Placement near = engine.place(Posts.post("b", "water", Posts.minutes(1), null,
                List.of(Posts.image("sha-b", "f0f0f0f0f0f0f0f3")), null));
        Placement far = engine.place(Posts.post("c", "sunset", Posts.minutes(2), null,
                List.of(Posts.image("sha-c", "0f0f0f0f0f0f0f0f")), null));
        assertEquals(a.eventId(), near.eventId());
        assertTrue(near.reasons().get(0).contains("near-identical image (2 bits)"), near.reasons().toString());
        assertNotEquals(a.eventId(), far.eventId());
    }

    @Test
    void replyJoinsWhatItAnswersEvenWithoutSharedWords() {
        Placement first = engine.place(Posts.text("a", "Explosion heard near the harbour district", Posts.minutes(0)));
        PostEvidence reply = new PostEvidence("r1", "x", "ext-r1", "b", "is this confirmed?", null, Posts.minutes(3), null,
                List.of(), List.of(), "ext-" + first.postId());
        Placement placed = engine.place(reply);
        assertEquals(first.eventId(), placed.eventId());
        // a reply to a post the engine never saw, sharing no word with the thread: nothing links it
        PostEvidence notReply = new PostEvidence("r2", "x", "ext-r2", "c", "any word from there?", null, Posts.minutes(4),
                null, List.of(), List.of(), "ext-unknown");
        assertNotEquals(first.eventId(), engine.place(notReply).eventId());
    }

    @Test
    void sharedRareTermsAndHashtagsJoinAndUnrelatedTextDoesNot() {
        background(200, Posts.T0);
        Instant t = Posts.T0.plusSeconds(300);
        Placement a = engine.place(Posts.text("a", "Wildfire spreads near Kalvora village, residents evacuated #kalvorafire", t));
        Placement b = engine.place(Posts.text("b", "Residents of Kalvora flee the wildfire #KalvoraFire", t.plusSeconds(600)));
        Placement c = engine.place(Posts.text("c", "Chess championship final ends in a draw", t.plusSeconds(700)));
        assertEquals(a.eventId(), b.eventId(), b.reasons().toString());
        assertTrue(String.join(" ", b.reasons()).contains("shared terms"), b.reasons().toString());
        assertNotEquals(a.eventId(), c.eventId());
    }

    @Test
    void eventsAreBoundedInTimeOnVocabularyButImagesStillWakeThem() {
        background(200, Posts.T0);
        Instant t = Posts.T0.plusSeconds(300);
        Placement first = engine.place(Posts.post("a", "Strong earthquake shakes Meridia province #meridiaquake",
                t, null, List.of(Posts.image("quake-photo", "123456789abcdef0")), null));
        Instant monthsLater = t.plusSeconds(90L * 24 * 3600);
        background(50, monthsLater.minusSeconds(600));
        Placement again = engine.place(Posts.text("b", "Strong earthquake shakes Meridia province #meridiaquake", monthsLater));
        assertNotEquals(first.eventId(), again.eventId(), "months apart on words alone are two events");
        Placement image = engine.place(Posts.post("c", "throwback", monthsLater.plusSeconds(60), null,
                List.of(Posts.image("quake-photo", "123456789abcdef0")), null));
        assertEquals(first.eventId(), image.eventId(), "the same image returning is strong evidence");
        assertTrue(image.signals().stream().anyMatch(s -> s.type().equals(Signal.RECYCLED_MEDIA)), image.signals().toString());
    }

    @Test
    void aPostClaimedMonthsBeforeAnEventBeganDoesNotJoinItOnWords() {
        background(200, Posts.T0);
        Instant monthsLater = Posts.T0.plusSeconds(90L * 24 * 3600);
        String text = "Strong earthquake shakes Meridia province #meridiaquake";
        Placement event = engine.place(Posts.text("a", text, monthsLater));
        Placement old = engine.place(Posts.text("b", text, Posts.T0.plusSeconds(600)));
        assertNotEquals(event.eventId(), old.eventId(), "months apart on words alone are two events, in either order");
        Placement hourBefore = engine.place(Posts.text("c", text, monthsLater.minusSeconds(3600)));
        assertEquals(event.eventId(), hourBefore.eventId(), "an hour before it began is the same event");
        assertTrue(String.join(" ", hourBefore.reasons()).contains("before its first post"),
                hourBefore.reasons().toString());
    }

    @Test
    void placeNearbyJoinsAPostWithoutTextAndFarPlaceDoesNot() {
        PostEvidence.Place city = new PostEvidence.Place(36.20, 37.17, 5.0, null);
        Placement a = engine.place(Posts.post("a", null, Posts.minutes(0), city, List.of(), null));
        Placement near = engine.place(Posts.post("b", null, Posts.minutes(10),
                new PostEvidence.Place(36.21, 37.19, 2.0, null), List.of(), null));
        Placement far = engine.place(Posts.post("c", null, Posts.minutes(12),
                new PostEvidence.Place(48.85, 2.35, 2.0, null), List.of(), null));
        assertEquals(a.eventId(), near.eventId());
        assertTrue(String.join(" ", near.reasons()).contains(" km"), near.reasons().toString());
        assertNotEquals(a.eventId(), far.eventId());
    }

    @Test
    void firstReportOnlyOnTheFirstPostOfAStoryline() {
        Placement a = engine.place(Posts.post("a", "x", Posts.minutes(0), null, List.of(Posts.image("s", null)), null));
        Placement b = engine.place(Posts.post("b", "y", Posts.minutes(1), null, List.of(Posts.image("s", null)), null));
        assertTrue(a.newStoryline());
        assertTrue(a.signals().stream().anyMatch(s -> s.type().equals(Signal.FIRST_REPORT)));
        assertFalse(b.signals().stream().anyMatch(s -> s.type().equals(Signal.FIRST_REPORT)));
    }

    @Test
    void recycledMediaFiresForAnImageFromLongBeforeButNotForAFreshRepost() {
        Placement a = engine.place(Posts.post("a", "x", Posts.minutes(0), null, List.of(Posts.image("img", null)), null));
        Placement fresh = engine.place(Posts.post("b", "y", Posts.minutes(30), null, List.of(Posts.image("img", null)), null));
        assertFalse(fresh.signals().stream().anyMatch(s -> s.type().equals(Signal.RECYCLED_MEDIA)));
        Placement old = engine.place(Posts.post("c", "z", Posts.minutes(60 * 24 * 5), null,
                List.of(Posts.image("img", null)), null));
        Signal recycled = old.signals().stream().filter(s -> s.type().equals(Signal.RECYCLED_MEDIA)).findFirst().orElseThrow();
        assertEquals(a.postId(), recycled.relatedPostId());
    }

    @Test
    void timeMismatchWhenTheImageWasTakenLongBefore() {
        Instant at = Posts.minutes(0);
        PostEvidence.Media old = new PostEvidence.Media("t1", null, at.minusSeconds(3600L * 24 * 400), null, null);
        PostEvidence.Media fresh = new PostEvidence.Media("t2", null, at.minusSeconds(3600), null, null);
        assertTrue(engine.place(Posts.post("a", "now", at, null, List.of(old), null)).signals().stream()
                .anyMatch(s -> s.type().equals(Signal.TIME_MISMATCH)));
        assertFalse(engine.place(Posts.post("b", "now", at, null, List.of(fresh), null)).signals().stream()
                .anyMatch(s -> s.type().equals(Signal.TIME_MISMATCH)));
    }

    @Test
    void locationMismatchWhenImageGpsIsFarFromTheClaimedPlace() {
        PostEvidence.Place claimed = new PostEvidence.Place(36.20, 37.17, 5.0, "East Aleppo");
        PostEvidence.Media elsewhere = new PostEvidence.Media("g1", null, null, 33.51, 36.29);
        PostEvidence.Media there = new PostEvidence.Media("g2", null, null, 36.21, 37.16);
        Placement far = engine.place(Posts.post("a", "here", Posts.minutes(0), claimed, List.of(elsewhere), null));
        Placement near = engine.place(Posts.post("b", "here", Posts.minutes(1), claimed, List.of(there), null));
        assertTrue(far.signals().stream().anyMatch(s -> s.type().equals(Signal.LOCATION_MISMATCH)), far.signals().toString());
        assertFalse(near.signals().stream().anyMatch(s -> s.type().equals(Signal.LOCATION_MISMATCH)));
    }

    @Test
    void copyPasteFromSeveralAuthorsIsFlaggedAndCountedAsOneVoice() {
        String text = "BREAKING: the dam upstream has failed, everyone in the valley must leave now";
        Placement first = engine.place(Posts.text("a", text, Posts.minutes(0)));
        Placement second = engine.place(Posts.text("b", text, Posts.minutes(1)));
        Placement third = engine.place(Posts.text("c", "RT " + text, Posts.minutes(2)));
        assertFalse(second.signals().stream().anyMatch(s -> s.type().equals(Signal.COPY_PASTE)));
        assertTrue(third.signals().stream().anyMatch(s -> s.type().equals(Signal.COPY_PASTE)), third.signals().toString());
        assertEquals(first.storylineId(), third.storylineId());
        assertEquals(1, third.corroboration(), "copies count once");
        Placement independent = engine.place(Posts.text("d",
                "I can confirm from the valley road: the dam upstream failed, water rising fast everyone leaving",
                Posts.minutes(3)));
        if (independent.storylineId().equals(first.storylineId())) {
            assertEquals(2, independent.corroboration());
        }
    }

    @Test
    void aPostLinkingTwoEventsMergesThem() {
        Placement a = engine.place(Posts.post("a", "one", Posts.minutes(0), null, List.of(Posts.image("m1", null)), null));
        Placement b = engine.place(Posts.post("b", "two", Posts.minutes(1), null, List.of(Posts.image("m2", null)), null));
        assertNotEquals(a.eventId(), b.eventId());
        String text = "a longer message that mentions both pictures together in one post";
        engine.place(Posts.post("c", text, Posts.minutes(2), null, List.of(Posts.image("m1", null)), null));
        Placement link = engine.place(Posts.post("d", text, Posts.minutes(3), null, List.of(Posts.image("m2", null)), null));
        assertEquals(1, link.merges().size(), link.reasons().toString());
        EventMerge merge = link.merges().get(0);
        assertEquals(link.eventId(), merge.intoEventId());
        assertTrue(List.of(a.eventId(), b.eventId()).contains(merge.fromEventId()));
    }

    @Test
    void restoreRebuildsStateSoLaterPostsJoinKnownIds() {
        PostEvidence old = Posts.post("a", "old", Posts.minutes(0), null, List.of(Posts.image("restored", null)), null);
        engine.restore(old, "event-7", "story-9");
        Placement next = engine.place(Posts.post("b", "new", Posts.minutes(5), null, List.of(Posts.image("restored", null)), null));
        assertEquals("event-7", next.eventId());
        assertEquals("story-9", next.storylineId());
        assertFalse(next.newEvent());
    }

    @Test
    void idsComeFromTheSupplier() {
        Placement p = engine.place(Posts.text("a", "hello world", Posts.minutes(0)));
        assertTrue(p.eventId().startsWith("id"));
        assertTrue(p.storylineId().startsWith("id"));
        assertTrue(p.newEvent());
    }
}
