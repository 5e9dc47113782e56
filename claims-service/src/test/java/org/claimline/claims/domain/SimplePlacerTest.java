package org.claimline.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimline.contracts.ClaimedAuthor;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostAccepted;
import org.junit.jupiter.api.Test;

class SimplePlacerTest {

    private static final Instant T0 = Instant.parse("2016-12-13T09:00:00Z");
    private final AtomicInteger ids = new AtomicInteger();
    private final SimplePlacer placer = new SimplePlacer(0.5, Duration.ofHours(6), 1000,
            () -> "id-" + ids.incrementAndGet());

    @Test
    void postsInTheSameCellAndWindowShareAnEventAndItsStoryline() {
        Placement first = placer.place(post("a", new Place("East Aleppo", 36.20, 37.17, 5.0), T0));
        Placement second = placer.place(post("b", new Place(null, 36.21, 37.10, null), T0.plusSeconds(3600)));

        assertEquals(first.eventId(), second.eventId());
        assertEquals(first.storylineId(), second.storylineId());
        assertEquals("East Aleppo", first.eventTitle());
        assertTrue(first.signals().stream().anyMatch(s -> s.type().equals("first-report")));
        assertTrue(second.signals().isEmpty());
        assertTrue(second.reasons().get(0).contains("60 min"), second.reasons().toString());
    }

    @Test
    void anotherCellOrALaterWindowStartsANewEvent() {
        Placement aleppo = placer.place(post("a", new Place(null, 36.20, 37.17, null), T0));
        Placement elsewhere = placer.place(post("b", new Place(null, 40.0, 37.17, null), T0));
        Placement muchLater = placer.place(post("c", new Place(null, 36.20, 37.17, null), T0.plus(Duration.ofHours(7))));

        assertNotEquals(aleppo.eventId(), elsewhere.eventId());
        assertNotEquals(aleppo.eventId(), muchLater.eventId());
    }

    @Test
    void postsWithoutCoordinatesGoByPlaceNameOrByTimeAlone() {
        Placement named = placer.place(post("a", new Place("Aleppo, Syria", null, null, null), T0));
        Placement sameName = placer.place(post("b", new Place("  aleppo, syria ", null, null, null), T0.plusSeconds(60)));
        Placement noPlace = placer.place(post("c", null, T0));
        Placement noPlaceEither = placer.place(post("d", null, T0.plusSeconds(120)));

        assertEquals(named.eventId(), sameName.eventId());
        assertNotEquals(named.eventId(), noPlace.eventId());
        assertEquals(noPlace.eventId(), noPlaceEither.eventId());
    }

    @Test
    void restoredPlacementsAreJoinedLikeLivePlacements() {
        placer.restore(post("old", new Place(null, 36.2, 37.2, null), T0), "event-x", "story-x");

        Placement next = placer.place(post("new", new Place(null, 36.3, 37.3, null), T0.plusSeconds(600)));

        assertEquals("event-x", next.eventId());
        assertEquals("story-x", next.storylineId());
        assertFalse(next.reasons().isEmpty());
    }

    static PostAccepted post(String id, Place place, Instant at) {
        return new PostAccepted(1, id, "x", id, null, new ClaimedAuthor("@" + id, null), "text " + id, "en", at, at,
                place, List.of(), List.of(), null);
    }
}
