package org.claimline.grouping;

import java.time.Instant;
import java.util.List;

/**
 * What the engine may know about one post when placing it: the claims it makes (text, place, time) and fingerprints of
 * its images, never labels or bytes.
 *
 * @param postId unique id of the post in Claimline
 * @param platform e.g. "x"; with {@code externalId} it identifies the post on its platform
 * @param externalId the platform's id, which replies point at
 * @param authorHandle claimed author, or null
 * @param text post text, or null
 * @param lang language code when the platform gives one, or null
 * @param postedAt claimed time of posting
 * @param place claimed place, or null
 * @param media image fingerprints (possibly empty)
 * @param tags tags given separately from the text (possibly empty)
 * @param inReplyTo the platform's id of the post this one answers (same platform), or null
 */
public record PostEvidence(
        String postId,
        String platform,
        String externalId,
        String authorHandle,
        String text,
        String lang,
        Instant postedAt,
        Place place,
        List<Media> media,
        List<String> tags,
        String inReplyTo) {

    public PostEvidence {
        if (postId == null || postedAt == null) {
            throw new IllegalArgumentException("postId and postedAt are required");
        }
        media = media == null ? List.of() : List.copyOf(media);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Claimed place: coordinates with an uncertainty radius and/or a name; every part may be null. */
    public record Place(Double lat, Double lon, Double radiusKm, String name) {

        boolean hasCoordinates() {
            return lat != null && lon != null;
        }
    }

    /** Fingerprint of one image: exact identity, perceptual hash (16 hex chars) and EXIF facts, each but sha256 nullable. */
    public record Media(String sha256, String perceptualHash, Instant takenAt, Double gpsLat, Double gpsLon) {
    }
}
