package org.claimline.grouping;

import java.util.Arrays;

/**
 * HammingIndex as it was before session 8 (buckets as growing arrays of hashes and positions): the reference whose
 * answers the preallocated buckets must give.
 */
final class ArrayBucketHammingIndex {

    private static final int BANDS = 4;
    private static final int BAND_BITS = 16;
    private static final long BAND_MASK = 0xFFFFL;
    private static final int NONE = -1;

    /**
     * The entries filed under one band value, oldest first, as positions in the ring with their hashes in a parallel
     * array, so that a lookup compares hashes without visiting each entry.
     */
    private static final class Bucket {
        long[] hashes = new long[2];
        int[] positions = new int[2];
        int size;

        void add(long hash, int position) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
                positions = Arrays.copyOf(positions, size * 2);
            }
            hashes[size] = hash;
            positions[size] = position;
            size++;
        }

        void removeAt(int at) {
            System.arraycopy(hashes, at + 1, hashes, at, size - at - 1);
            System.arraycopy(positions, at + 1, positions, at, size - at - 1);
            size--;
        }

        void remove(int position) {
            for (int i = 0; i < size; i++) {
                if (positions[i] == position) {
                    removeAt(i);
                    return;
                }
            }
        }
    }

    /** Buckets by band and band value (4 x 2^16), created when first used. */
    private final Bucket[] buckets = new Bucket[BANDS << BAND_BITS];
    /** The ring of filed hashes (oldest overwritten first). */
    private final long[] hashes;
    private final boolean[] used;
    private final int maxBucket;
    private int next;

    /**
     * @param capacity entries kept
     * @param maxBucket entries kept per band value (the newest): a text copied thousands of times fills one bucket, and
     *     its newest copies are as good a match as all of them
     */
    ArrayBucketHammingIndex(int capacity, int maxBucket) {
        this.hashes = new long[capacity];
        this.used = new boolean[capacity];
        this.maxBucket = maxBucket;
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
                Bucket bucket = buckets[key(old, band)];
                if (bucket != null) {
                    bucket.remove(position);
                }
            }
        }
        hashes[position] = hash;
        used[position] = true;
        next = (next + 1) % hashes.length;
        for (int band = 0; band < BANDS; band++) {
            int key = key(hash, band);
            Bucket bucket = buckets[key];
            if (bucket == null) {
                bucket = new Bucket();
                buckets[key] = bucket;
            }
            if (bucket.size >= maxBucket) {
                bucket.removeAt(0);
            }
            bucket.add(hash, position);
        }
        return position;
    }

    /** The ring position of the nearest entry within {@code maxDistance} bits (the newest of equals), or -1. */
    int nearestPosition(long hash, int maxDistance) {
        int best = NONE;
        int bestDistance = maxDistance + 1;
        for (int band = 0; band < BANDS; band++) {
            Bucket bucket = buckets[key(hash, band)];
            if (bucket == null) {
                continue;
            }
            long[] bucketHashes = bucket.hashes;
            for (int i = bucket.size - 1; i >= 0; i--) {
                int d = Long.bitCount(bucketHashes[i] ^ hash);
                if (d < bestDistance) {
                    best = bucket.positions[i];
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
