package org.claimline.grouping;

/**
 * A machine-found hint for verifiers, never a verdict: its type, a sentence saying why, and the earlier post it points
 * at when there is one.
 */
public record Signal(String type, String reason, String relatedPostId) {

    public static final String RECYCLED_MEDIA = "recycled-media";
    public static final String LOCATION_MISMATCH = "location-mismatch";
    public static final String TIME_MISMATCH = "time-mismatch";
    public static final String COPY_PASTE = "copy-paste";
    public static final String FIRST_REPORT = "first-report";
}
