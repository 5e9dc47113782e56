package org.claimline.web.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.claimline.contracts.ChangeKind;
import org.claimline.contracts.TimelineChanged;
import org.junit.jupiter.api.Test;

class SequenceOrderingTest {

    private final SequenceOrdering ordering = new SequenceOrdering(1);

    private static TimelineChanged change(String event, long sequence) {
        return new TimelineChanged(1, ChangeKind.POST_PLACED, event, sequence, null, null, null, null, null, null, null);
    }

    private static List<Long> sequences(List<TimelineChanged> changes) {
        return changes.stream().map(TimelineChanged::sequence).toList();
    }

    @Test
    void inOrderChangesAreAppliedInOrder() {
        SequenceOrdering.Outcome outcome = ordering.order(List.of(change("a", 1), change("a", 2), change("b", 1)),
                Map.of(), Map.of());
        assertEquals(3, outcome.toApply().size());
        assertEquals(Map.of("a", 2L, "b", 1L), outcome.lastApplied());
        assertEquals(0, outcome.duplicates());
    }

    @Test
    void changesAtOrBelowTheLastAppliedAreDuplicates() {
        SequenceOrdering.Outcome outcome = ordering.order(List.of(change("a", 3), change("a", 5), change("a", 6),
                change("a", 6)), Map.of("a", 5L), Map.of());
        assertEquals(List.of(6L), sequences(outcome.toApply()));
        assertEquals(3, outcome.duplicates());
    }

    @Test
    void aGapHoldsLaterChangesUntilItCloses() {
        SequenceOrdering.Outcome held = ordering.order(List.of(change("a", 1), change("a", 3), change("a", 4)),
                Map.of(), Map.of());
        assertEquals(List.of(1L), sequences(held.toApply()));
        assertEquals(2, held.toHold().size());

        NavigableMap<Long, TimelineChanged> stored = new TreeMap<>();
        held.toHold().forEach(c -> stored.put(c.sequence(), c));
        SequenceOrdering.Outcome released = ordering.order(List.of(change("a", 2)), held.lastApplied(),
                Map.of("a", stored));
        assertEquals(List.of(2L, 3L, 4L), sequences(released.toApply()));
        assertEquals(List.of(new SequenceOrdering.Held("a", 3), new SequenceOrdering.Held("a", 4)),
                released.released());
        assertEquals(4L, released.lastApplied().get("a"));
    }

    @Test
    void aGapClosedInsideOneBatchIsNeverStored() {
        SequenceOrdering.Outcome outcome = ordering.order(List.of(change("a", 2), change("a", 1)), Map.of(),
                Map.of());
        assertEquals(List.of(1L, 2L), sequences(outcome.toApply()));
        assertEquals(0, outcome.toHold().size());
        assertEquals(0, outcome.released().size());
    }

    @Test
    void aHeldChangeRedeliveredIsADuplicate() {
        NavigableMap<Long, TimelineChanged> stored = new TreeMap<>(Map.of(3L, change("a", 3)));
        SequenceOrdering.Outcome outcome = ordering.order(List.of(change("a", 3)), Map.of("a", 1L),
                Map.of("a", stored));
        assertEquals(0, outcome.toApply().size());
        assertEquals(0, outcome.toHold().size());
        assertEquals(1, outcome.duplicates());
    }
}
