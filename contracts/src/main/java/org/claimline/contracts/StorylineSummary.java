package org.claimline.contracts;

import java.time.Instant;

/** A storyline (posts telling the same story inside one event) as it stands after a change. */
public record StorylineSummary(
        String id,
        String eventId,
        String label,
        String firstPostId,
        Instant firstPostAt,
        Instant lastPostAt,
        long postCount,
        long authorCount,
        long corroboration) {
}
