package org.claimline.web.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.claimline.contracts.TimelineChanged;

/**
 * Orders one batch of timeline changes per event by sequence: a change at or below the last applied sequence is a
 * duplicate, one that skips ahead is held until the missing one arrives, and held changes are released in order as
 * soon as the gap closes. Pure logic, so that redelivery and reordering can be tested without Kafka.
 */
public final class SequenceOrdering {

    private final long firstSequence;

    public SequenceOrdering(long firstSequence) {
        this.firstSequence = firstSequence;
    }

    /** A held change, as stored. */
    public record Held(String eventId, long sequence) {
    }

    /**
     * The decision for a batch: changes to apply in this order, changes newly held, stored held changes now
     * released, the new last applied sequence per touched event, and how many were duplicates.
     */
    public record Outcome(
            List<TimelineChanged> toApply,
            List<TimelineChanged> toHold,
            List<Held> released,
            Map<String, Long> lastApplied,
            int duplicates) {
    }

    /**
     * @param incoming the batch in arrival order (each change orderable)
     * @param lastApplied last applied sequence per event, for the events of the batch (absent: none applied yet)
     * @param stored changes held earlier, per event, by sequence
     */
    public Outcome order(List<TimelineChanged> incoming, Map<String, Long> lastApplied,
            Map<String, NavigableMap<Long, TimelineChanged>> stored) {
        Map<String, Long> last = new HashMap<>(lastApplied);
        Map<String, NavigableMap<Long, TimelineChanged>> held = new HashMap<>();
        stored.forEach((event, changes) -> held.put(event, new TreeMap<>(changes)));
        Map<Held, TimelineChanged> newlyHeld = new HashMap<>();
        List<TimelineChanged> toApply = new ArrayList<>();
        List<Held> released = new ArrayList<>();
        Map<String, Long> touched = new HashMap<>();
        int duplicates = 0;

        for (TimelineChanged change : incoming) {
            String event = change.eventId();
            long applied = last.getOrDefault(event, firstSequence - 1);
            NavigableMap<Long, TimelineChanged> waiting = held.computeIfAbsent(event, e -> new TreeMap<>());
            if (change.sequence() <= applied || waiting.containsKey(change.sequence())) {
                duplicates++;
                continue;
            }
            if (change.sequence() > applied + 1) {
                waiting.put(change.sequence(), change);
                newlyHeld.put(new Held(event, change.sequence()), change);
                continue;
            }
            toApply.add(change);
            applied = change.sequence();
            while (waiting.containsKey(applied + 1)) {
                applied++;
                TimelineChanged next = waiting.remove(applied);
                Held key = new Held(event, applied);
                if (newlyHeld.remove(key) == null) {
                    released.add(key);
                }
                toApply.add(next);
            }
            last.put(event, applied);
            touched.put(event, applied);
        }
        return new Outcome(toApply, new ArrayList<>(newlyHeld.values()), released, touched, duplicates);
    }
}
