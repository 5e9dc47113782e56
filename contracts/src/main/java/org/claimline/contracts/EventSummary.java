package org.claimline.contracts;

import java.time.Instant;

/** An event as it stands after a change: title, place, span and counts. */
public record EventSummary(
        String id,
        String title,
        Place place,
        Instant firstPostAt,
        Instant lastPostAt,
        long postCount,
        long authorCount,
        int storylineCount,
        String status) {
}
