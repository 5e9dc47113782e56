package org.claimline.contracts;

import java.time.Instant;

/**
 * One change to an event's timeline, published on {@link Topics#TIMELINE} keyed by {@link #eventId()}.
 * {@link #sequence()} rises by one per change of the same event so consumers can order, skip duplicates and resume.
 * Fields that do not apply to the {@link #kind()} are null.
 */
public record TimelineChanged(
        int schemaVersion,
        ChangeKind kind,
        String eventId,
        long sequence,
        Instant occurredAt,
        EventSummary event,
        StorylineSummary storyline,
        PostSummary post,
        EventsMerged merged,
        AssessmentMade assessment,
        StorylinesMerged storylinesMerged) {

    public static final int SCHEMA_VERSION = 1;
}
