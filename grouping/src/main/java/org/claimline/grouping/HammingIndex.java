package org.claimline.grouping;

import java.util.Arrays;

/**
 * Finds 64-bit hashes within a few bits of a query in constant time: each hash is filed under its four 16-bit bands, and
 * by the pigeonhole principle two hashes differing in at most three bits share a band; larger distances are found when
 * they happen to. Holds a bounded number of entries, the oldest forgotten first, in arrays allocated at its capacity, so
 * that it costs the same from its first entry to its last and nothing grows with the stream.
 */
final class HammingIndex<V> {

    private static final int BANDS = 4;
    private static final int BAND_BITS = 16;
    private static final long BAND_MASK = 0xFFFFL;
    private static final int NONE = -1;
    /** Marks a ring position that is not filed under a band (never used, or dropped from a full bucket). */
    private static final int OUT = -2;

    /** One filed hash and its value. */
    static final class Entry<V> {
        final long hash;
        final V value;

        Entry(long hash, V value) {
            this.hash = hash;
            this.value = value;
        }
    }

    /**
     * Each bucket (a band and a band value: 4 x 2^16) is a list of ring positions, newest first, linked through the
     * ring itself: per bucket its newest and oldest position and its size, per position and band the next older and
     * next newer position in that bucket. A lookup reads the hashes from the ring.
     */
    private final int[] newest = new int[BANDS << BAND_BITS];
    private final int[] oldest = new int[BANDS << BAND_BITS];
    private final int[] sizes = new int[BANDS << BAND_BITS];
    private final int[] older;
    private final int[] newer;
    /** The ring of filed hashes (oldest overwritten first) and, when values are objects, their values. */
    private final long[] hashes;
    private final boolean[] used;
    private Object[] values;
    private final int maxBucket;
    private int next;

    /**
     * @param capacity entries kept
     * @param maxBucket entries kept per band value (the newest): a text copied thousands of times fills one bucket, and
     *     its newest copies are as good a match as all of them
     */
    HammingIndex(int capacity, int maxBucket) {
        this.hashes = new long[capacity];
        this.used = new boolean[capacity];
        this.older = new int[capacity * BANDS];
        this.newer = new int[capacity * BANDS];
        Arrays.fill(newest, NONE);
        Arrays.fill(oldest, NONE);
        Arrays.fill(newer, OUT);
        this.maxBucket = maxBucket;
    }

    void add(long hash, V value) {
        int position = add(hash);
        if (value != null && values == null) {
            values = new Object[hashes.length];
        }
        if (values != null) {
            values[position] = value;
        }
    }

    /**
     * Files a hash and returns its position in the ring, where a caller may keep the entry's value in arrays of its own;
     * the entry that held that position before is forgotten.
     */
    int add(long hash) {
        int position = next;
        if (used[position]) {
            long old = hashes[position];
            for (int band = 0; band < BANDS; band++) {
                unlink(key(old, band), position * BANDS + band);
            }
            if (values != null) {
                values[position] = null;
            }
        }
        hashes[position] = hash;
        used[position] = true;
        next = (next + 1) % hashes.length;
        for (int band = 0; band < BANDS; band++) {
            int key = key(hash, band);
            if (sizes[key] >= maxBucket) {
                unlink(key, oldest[key] * BANDS + band);
            }
            int link = position * BANDS + band;
            int head = newest[key];
            older[link] = head;
            newer[link] = NONE;
            if (head == NONE) {
                oldest[key] = position;
            } else {
                newer[head * BANDS + band] = position;
            }
            newest[key] = position;
            sizes[key]++;
        }
        return position;
    }

    /** Takes the position of {@code link} (position x BANDS + band) out of bucket {@code key}, if it is filed there. */
    private void unlink(int key, int link) {
        int newerPosition = newer[link];
        if (newerPosition == OUT) {
            return;
        }
        int band = link % BANDS;
        int olderPosition = older[link];
        if (newerPosition == NONE) {
            newest[key] = olderPosition;
        } else {
            older[newerPosition * BANDS + band] = olderPosition;
        }
        if (olderPosition == NONE) {
            oldest[key] = newerPosition;
        } else {
            newer[olderPosition * BANDS + band] = newerPosition;
        }
        newer[link] = OUT;
        sizes[key]--;
    }

    /** The nearest entry within {@code maxDistance} bits, or null. */
    @SuppressWarnings("unchecked")
    Entry<V> nearest(long hash, int maxDistance) {
        int position = nearestPosition(hash, maxDistance);
        return position == NONE ? null : new Entry<>(hashes[position], values == null ? null : (V) values[position]);
    }

    /** The ring position of the nearest entry within {@code maxDistance} bits (the newest of equals), or -1. */
    int nearestPosition(long hash, int maxDistance) {
        int best = NONE;
        int bestDistance = maxDistance + 1;
        for (int band = 0; band < BANDS; band++) {
            for (int p = newest[key(hash, band)]; p != NONE; p = older[p * BANDS + band]) {
                int d = Long.bitCount(hashes[p] ^ hash);
                if (d < bestDistance) {
                    best = p;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /** The hash filed at a ring position. */
    long hashAt(int position) {
        return hashes[position];
    }

    private static int key(long hash, int band) {
        return band << BAND_BITS | (int) ((hash >>> (band * BAND_BITS)) & BAND_MASK);
    }
}
