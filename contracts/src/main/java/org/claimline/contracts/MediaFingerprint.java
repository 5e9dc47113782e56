package org.claimline.contracts;

import java.time.Instant;

/**
 * What ingest learned from one image: identity, size, perceptual hash and EXIF facts.
 * Media bytes never travel through Kafka; they stay in ingest's store under their sha256.
 */
public record MediaFingerprint(
        String sha256,
        String mime,
        long sizeBytes,
        int width,
        int height,
        String perceptualHash,
        Instant takenAt,
        Double gpsLat,
        Double gpsLon,
        String camera) {
}
