package org.claimline.media;

import java.time.Instant;

/**
 * What Claimline keeps about an image instead of its bytes: identity, size, a perceptual hash for near-duplicates and the
 * EXIF facts verifiers compare against a post's claims.
 *
 * @param sha256 lower-case hex SHA-256 of the exact bytes
 * @param mime detected from magic bytes, e.g. {@code image/jpeg}
 * @param sizeBytes length of the bytes
 * @param width pixels, from the header
 * @param height pixels, from the header
 * @param perceptualHash 64-bit DCT perceptual hash as 16 lower-case hex chars, or null when the pixels could not be decoded
 * @param takenAt EXIF DateTimeOriginal (read as UTC when the file gives no offset), or null
 * @param gpsLat EXIF GPS latitude in degrees, or null
 * @param gpsLon EXIF GPS longitude in degrees, or null
 * @param camera EXIF make and model joined by a space, or null
 */
public record ImageFingerprint(
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

    /** Bits that differ between two perceptual hashes given as hex; 64 when either is missing, i.e. "unrelated". */
    public static int hammingDistance(String hashA, String hashB) {
        if (hashA == null || hashB == null) {
            return Long.SIZE;
        }
        return Long.bitCount(Long.parseUnsignedLong(hashA, 16) ^ Long.parseUnsignedLong(hashB, 16));
    }
}
