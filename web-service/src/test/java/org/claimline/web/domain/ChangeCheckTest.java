package org.claimline.web.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.claimline.contracts.ChangeKind;
import org.claimline.contracts.EventsMerged;
import org.claimline.contracts.StorylinesMerged;
import org.claimline.contracts.TimelineChanged;
import org.claimline.web.support.Timeline;
import org.junit.jupiter.api.Test;

/** Which merges can be applied and which are poison for the DLQ. */
class ChangeCheckTest {

    @Test
    void aStorylineMergeNeedsTwoDifferentStorylines() {
        assertEquals(Optional.empty(), problem(Timeline.storylinesMerged("ev-1", 4, "st-2", "st-1", 3)));
        assertEquals(Optional.of("STORYLINES_MERGED of one storyline into itself"),
                problem(Timeline.storylinesMerged("ev-1", 4, "st-1", "st-1", 3)));
        assertEquals(Optional.of("STORYLINES_MERGED without both storyline ids"),
                problem(Timeline.storylinesMerged("ev-1", 4, " ", "st-1", 3)));
        assertEquals(Optional.of("STORYLINES_MERGED without both storyline ids"), problem(
                new TimelineChanged(1, ChangeKind.STORYLINES_MERGED, "ev-1", 4, Instant.now(), null, null, null,
                        null, null, null)));
    }

    @Test
    void anEventMergeNeedsTwoDifferentEvents() {
        assertEquals(Optional.empty(), problem(Timeline.merged("ev-1", 5, "ev-2", 3)));
        assertEquals(Optional.of("EVENTS_MERGED of one event into itself"), problem(
                new TimelineChanged(1, ChangeKind.EVENTS_MERGED, "ev-1", 5, Instant.now(), null, null, null,
                        new EventsMerged("ev-1", "ev-1"), null, null)));
        assertEquals(Optional.of("EVENTS_MERGED without both event ids"), problem(
                new TimelineChanged(1, ChangeKind.EVENTS_MERGED, "ev-1", 5, Instant.now(), null, null, null,
                        null, null, new StorylinesMerged("a", "b"))));
    }

    private static Optional<String> problem(TimelineChanged change) {
        return ChangeCheck.problem(change, ReceivedChange.of(change).json());
    }
}
