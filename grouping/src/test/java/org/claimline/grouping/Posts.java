package org.claimline.grouping;

import java.time.Instant;
import java.util.List;

/** Small builders for test posts. */
final class Posts {

    static final Instant T0 = Instant.parse("2016-12-13T09:00:00Z");
    private static int next;

    private Posts() {
    }

    static PostEvidence text(String author, String text, Instant at) {
        return post(author, text, at, null, List.of(), null);
    }

    static PostEvidence post(String author, String text, Instant at, PostEvidence.Place place,
            List<PostEvidence.Media> media, String inReplyTo) {
        String id = "p" + (++next);
        return new PostEvidence(id, "x", "ext-" + id, author, text, null, at, place, media, List.of(), inReplyTo);
    }

    static PostEvidence.Media image(String sha, String hash) {
        return new PostEvidence.Media(sha, hash, null, null, null);
    }

    static Instant minutes(long m) {
        return T0.plusSeconds(m * 60);
    }
}
