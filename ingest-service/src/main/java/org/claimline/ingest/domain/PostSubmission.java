package org.claimline.ingest.domain;

import java.time.Instant;
import java.util.List;
import org.claimline.contracts.ClaimedAuthor;
import org.claimline.contracts.Place;

/**
 * A post as a client submitted it, after validation: every field checked, platform lower-cased, media given as the
 * sha256 of images already uploaded. Nothing in it is verified, only well-formed.
 */
public record PostSubmission(
        String platform,
        String externalId,
        String url,
        ClaimedAuthor author,
        String text,
        String lang,
        Instant postedAt,
        Place place,
        List<String> mediaSha256,
        List<String> tags,
        String inReplyTo) {

    public PostSubmission {
        mediaSha256 = mediaSha256 == null ? List.of() : List.copyOf(mediaSha256);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
