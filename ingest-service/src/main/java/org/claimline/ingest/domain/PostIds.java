package org.claimline.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Deterministic post ids: a name-based UUID (version 5, SHA-1) of platform and external id, so the same post sent
 * twice, by any client, with or without an Idempotency-Key, gets the same id and downstream keeps one copy.
 */
public final class PostIds {

    /** Namespace of Claimline post ids (a fixed random UUID), so our ids never collide with other v5 names. */
    private static final UUID NAMESPACE = UUID.fromString("6f3c0a8e-3b1d-4d55-9a8c-2f1e4b7d9c01");
    private static final int VERSION_5 = 0x50;
    private static final int VERSION_MASK = 0x0f;
    private static final int VARIANT_IETF = 0x80;
    private static final int VARIANT_MASK = 0x3f;

    private PostIds() {
    }

    /** The id of the post {@code externalId} on {@code platform}; the length prefix keeps "a"+"bc" apart from "ab"+"c". */
    public static String of(String platform, String externalId) {
        return nameUuid(platform.length() + ":" + platform + ":" + externalId).toString();
    }

    /** Lower-case hex SHA-256 of a UTF-8 string. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static UUID nameUuid(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(NAMESPACE));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & VERSION_MASK) | VERSION_5);
            hash[8] = (byte) ((hash[8] & VARIANT_MASK) | VARIANT_IETF);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                msb = (msb << Byte.SIZE) | (hash[i] & 0xff);
                lsb = (lsb << Byte.SIZE) | (hash[i + Long.BYTES] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
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
