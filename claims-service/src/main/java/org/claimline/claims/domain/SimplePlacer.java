package org.claimline.claims.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.SignalNote;

/**
 * The foundation's placement rule, kept until the grouping engine replaces it: posts in the same place cell (or with the
 * same place name, or both without a place) within a time window of the event's latest post share one event and its one
 * storyline. Memory stays bounded: the least recently active places are forgotten first.
 */
public final class SimplePlacer implements Placer {

    private final double cellDegrees;
    private final Duration window;
    private final int maxPlaces;
    private final Supplier<String> ids;
    private final Map<String, Slot> slots;

    public SimplePlacer(double cellDegrees, Duration window, int maxPlaces) {
        this(cellDegrees, window, maxPlaces, () -> UUID.randomUUID().toString());
    }

    public SimplePlacer(double cellDegrees, Duration window, int maxPlaces, Supplier<String> ids) {
        if (cellDegrees <= 0 || window.isNegative() || window.isZero() || maxPlaces <= 0) {
            throw new IllegalArgumentException("cell size, window and place capacity must be positive");
        }
        this.cellDegrees = cellDegrees;
        this.window = window;
        this.maxPlaces = maxPlaces;
        this.ids = ids;
        this.slots = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
                return size() > SimplePlacer.this.maxPlaces;
            }
        };
    }

    @Override
    public Placement place(PostAccepted post) {
        PlaceKey key = keyOf(post.place());
        Slot slot = slots.get(key.key());
        Instant at = post.postedAt();
        if (slot != null && withinWindow(slot.lastPostAt, at)) {
            String reason = key.description() + ", " + minutesApart(slot.lastPostAt, at) + " min from the event's latest post";
            slot.lastPostAt = later(slot.lastPostAt, at);
            return new Placement(post.id(), slot.eventId, slot.storylineId, List.of(reason), List.<SignalNote>of(),
                    List.of(), null, null, Placement.NOT_COUNTED);
        }
        Slot fresh = new Slot(ids.get(), ids.get(), at);
        slots.put(key.key(), fresh);
        return new Placement(post.id(), fresh.eventId, fresh.storylineId,
                List.of("first post " + key.description() + " within " + window.toHours() + " h"),
                List.of(new SignalNote("first-report", "earliest post of this storyline", null)),
                List.of(), titleOf(post), labelOf(post), Placement.NOT_COUNTED);
    }

    @Override
    public void restore(PostAccepted post, String eventId, String storylineId) {
        String key = keyOf(post.place()).key();
        Slot slot = slots.get(key);
        if (slot != null && slot.eventId.equals(eventId)) {
            slot.lastPostAt = later(slot.lastPostAt, post.postedAt());
        } else if (slot == null || !post.postedAt().isBefore(slot.lastPostAt)) {
            slots.put(key, new Slot(eventId, storylineId, post.postedAt()));
        }
    }

    @Override
    public int hotEvents() {
        return slots.size();
    }

    @Override
    public String name() {
        return "simple-place-and-time";
    }

    private boolean withinWindow(Instant last, Instant at) {
        return Duration.between(last, at).abs().compareTo(window) <= 0;
    }

    private static long minutesApart(Instant a, Instant b) {
        return Duration.between(a, b).abs().toMinutes();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    PlaceKey keyOf(Place place) {
        if (place != null && place.hasCoordinates()) {
            long latCell = (long) Math.floor(place.lat() / cellDegrees);
            long lonCell = (long) Math.floor(place.lon() / cellDegrees);
            return new PlaceKey("cell:" + latCell + ":" + lonCell, String.format(Locale.ROOT,
                    "same %.2f° place cell as the event", cellDegrees));
        }
        if (place != null && place.name() != null && !place.name().isBlank()) {
            String name = place.name().strip().toLowerCase(Locale.ROOT);
            return new PlaceKey("name:" + name, "same place name \"" + place.name().strip() + "\"");
        }
        return new PlaceKey("none", "no place given, like the event's posts");
    }

    private static String titleOf(PostAccepted post) {
        Place place = post.place();
        if (place != null && place.name() != null && !place.name().isBlank()) {
            return place.name().strip();
        }
        if (place != null && place.hasCoordinates()) {
            return String.format(Locale.ROOT, "Near %.2f, %.2f", place.lat(), place.lon());
        }
        return "Posts without a place";
    }

    private static String labelOf(PostAccepted post) {
        return post.tags().isEmpty() ? "All posts" : "#" + post.tags().get(0);
    }

    record PlaceKey(String key, String description) {
    }

    private static final class Slot {
        final String eventId;
        final String storylineId;
        Instant lastPostAt;

        Slot(String eventId, String storylineId, Instant lastPostAt) {
            this.eventId = eventId;
            this.storylineId = storylineId;
            this.lastPostAt = lastPostAt;
        }
    }
}
