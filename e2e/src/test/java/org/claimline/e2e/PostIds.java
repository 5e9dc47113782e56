package org.claimline.e2e;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The post ids ingest answers, computed here on their own: a name-based UUID (version 5) of platform and external id
 * in Claimline's namespace. The tests know which ids a corpus must produce without trusting the service under test,
 * and check the two agree.
 */
final class PostIds {

    /** Claimline's post-id namespace (ingest-service {@code PostIds.NAMESPACE}). */
    private static final UUID NAMESPACE = UUID.fromString("6f3c0a8e-3b1d-4d55-9a8c-2f1e4b7d9c01");
    private static final int VERSION_BYTE = 6;
    private static final int VARIANT_BYTE = 8;
    private static final int VERSION_5 = 0x50;
    private static final int VERSION_MASK = 0x0f;
    private static final int VARIANT_IETF = 0x80;
    private static final int VARIANT_MASK = 0x3f;

    private PostIds() {
    }

    /** The id of post {@code externalId} on {@code platform}; the length prefix keeps "a"+"bc" apart from "ab"+"c". */
    static String of(String platform, String externalId) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes(NAMESPACE));
            byte[] hash = sha1.digest((platform.length() + ":" + platform + ":" + externalId)
                    .getBytes(StandardCharsets.UTF_8));
            hash[VERSION_BYTE] = (byte) ((hash[VERSION_BYTE] & VERSION_MASK) | VERSION_5);
            hash[VARIANT_BYTE] = (byte) ((hash[VARIANT_BYTE] & VARIANT_MASK) | VARIANT_IETF);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                msb = (msb << Byte.SIZE) | (hash[i] & 0xff);
                lsb = (lsb << Byte.SIZE) | (hash[i + Long.BYTES] & 0xff);
            }
            return new UUID(msb, lsb).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static byte[] bytes(UUID uuid) {
        byte[] out = new byte[2 * Long.BYTES];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            out[i] = (byte) msb;
            out[i + Long.BYTES] = (byte) lsb;
            msb >>>= Byte.SIZE;
            lsb >>>= Byte.SIZE;
        }
        return out;
    }
}
