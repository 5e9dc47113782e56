package org.claimline.ingest.repository;

import java.time.Instant;

/** A post-log row waiting in memory for the batch writer; the same facts as {@link PostLogEntry}, immutable. */
public record PostLogRow(
        String id,
        String platform,
        String externalId,
        Instant postedAt,
        Instant acceptedAt,
        String idempotencyKey,
        String requestHash,
        String record) {

    public static PostLogRow from(PostLogEntry e) {
        return new PostLogRow(e.id, e.platform, e.externalId, e.postedAt, e.acceptedAt, e.idempotencyKey,
                e.requestHash, e.record);
    }
}
