package org.claimline.ingest.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The bounds a post must keep: generous for real posts from any platform, tight enough that no field can be used to
 * flood the pipeline or poison a database downstream.
 */
public record PostLimits(
        int maxPlatformChars,
        int maxExternalIdChars,
        int maxUrlChars,
        int maxNameChars,
        int maxTextChars,
        int maxLangChars,
        int maxTags,
        int maxTagChars,
        int maxMedia,
        Instant earliestPostedAt,
        Duration maxClockSkew,
        double maxRadiusKm) {

    /** Defaults: text up to 20,000 characters (above any platform's post size), dates from 2000 to a day ahead. */
    public static final PostLimits DEFAULT = new PostLimits(32, 256, 2048, 200, 20_000, 35, 30, 100, 10,
            Instant.parse("2000-01-01T00:00:00Z"), Duration.ofDays(1), 20_000.0);
}
