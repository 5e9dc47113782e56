package org.claimline.contracts;

/** Kafka topic names; services name their channels after them so no topic mapping is configured twice. */
public final class Topics {

    /** Accepted posts with media fingerprints, key = post id. */
    public static final String POSTS = "claimline.posts.v1";
    /** Timeline changes, key = event id, ordered per event by {@link TimelineChanged#sequence()}. */
    public static final String TIMELINE = "claimline.timeline.v1";
    /** Posts that claims-service could not process, with the error in headers. */
    public static final String POSTS_DLQ = POSTS + ".dlq";
    /** Timeline changes that web-service could not process, with the error in headers. */
    public static final String TIMELINE_DLQ = TIMELINE + ".dlq";

    private Topics() {
    }
}
