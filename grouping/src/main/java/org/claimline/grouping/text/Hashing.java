package org.claimline.grouping.text;

/** 64-bit hashes of strings, so that terms are compared and stored as longs instead of strings on the hot path. */
public final class Hashing {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {
    }

    /** FNV-1a over the kind character and the UTF-16 chars, finished with a mixer so low bits are well spread. */
    public static long term(char kind, CharSequence s) {
        long h = FNV_OFFSET;
        h = (h ^ kind) * FNV_PRIME;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return mix(h);
    }

    /** The murmur3 finaliser: spreads every input bit over the output. */
    public static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
