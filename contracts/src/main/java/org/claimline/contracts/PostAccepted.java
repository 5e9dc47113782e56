package org.claimline.contracts;

import java.time.Instant;
import java.util.List;

/** A post that ingest-service accepted durably; published on {@link Topics#POSTS} keyed by {@link #id()}. */
public record PostAccepted(
        int schemaVersion,
        String id,
        String platform,
        String externalId,
        String url,
        ClaimedAuthor author,
        String text,
        String lang,
        Instant postedAt,
        Instant acceptedAt,
        Place place,
        List<MediaFingerprint> media,
        List<String> tags,
        String inReplyTo) {

    public static final int SCHEMA_VERSION = 1;

    public PostAccepted {
        media = media == null ? List.of() : List.copyOf(media);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
