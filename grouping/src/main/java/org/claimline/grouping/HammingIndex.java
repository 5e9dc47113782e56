package org.claimline.grouping;

import java.util.Arrays;
import org.claimline.grouping.util.LongObjectMap;

/**
 * Finds 64-bit hashes within a few bits of a query in constant time: each hash is filed under its four 16-bit bands, and
 * by the pigeonhole principle two hashes differing in at most three bits share a band; larger distances are found when
 * they happen to. Holds a bounded number of entries, the oldest forgotten first.
 */
final class HammingIndex<V> {

    private static final int BANDS = 4;
    private static final int BAND_BITS = 16;
    private static final long BAND_MASK = 0xFFFFL;

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
     * The entries filed under one band value, oldest first, with their hashes in a parallel array so that a lookup
     * compares hashes without visiting each entry.
     */
    private static final class Bucket {
        long[] hashes = new long[2];
        Object[] entries = new Object[2];
        int size;

        void add(long hash, Object entry) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
                entries = Arrays.copyOf(entries, size * 2);
            }
            hashes[size] = hash;
            entries[size] = entry;
            size++;
        }

        void removeAt(int at) {
            System.arraycopy(hashes, at + 1, hashes, at, size - at - 1);
            System.arraycopy(entries, at + 1, entries, at, size - at - 1);
            size--;
            entries[size] = null;
        }

        void remove(Object entry) {
            for (int i = 0; i < size; i++) {
                if (entries[i] == entry) {
                    removeAt(i);
                    return;
                }
            }
        }
    }

    private final LongObjectMap<Bucket> buckets = new LongObjectMap<>();
    private final Object[] ring;
    private final int maxBucket;
    private int next;

    /**
     * @param capacity entries kept
     * @param maxBucket entries kept per band value (the newest): a text copied thousands of times fills one bucket, and
     *     its newest copies are as good a match as all of them
     */
    HammingIndex(int capacity, int maxBucket) {
        this.ring = new Object[capacity];
        this.maxBucket = maxBucket;
    }

    void add(long hash, V value) {
        @SuppressWarnings("unchecked")
        Entry<V> old = (Entry<V>) ring[next];
        if (old != null) {
            for (int band = 0; band < BANDS; band++) {
                int key = key(old.hash, band);
                Bucket bucket = buckets.get(key);
                if (bucket != null) {
                    bucket.remove(old);
                    if (bucket.size == 0) {
                        buckets.remove(key);
                    }
                }
            }
        }
        Entry<V> entry = new Entry<>(hash, value);
        ring[next] = entry;
        next = (next + 1) % ring.length;
        for (int band = 0; band < BANDS; band++) {
            int key = key(hash, band);
            Bucket bucket = buckets.get(key);
            if (bucket == null) {
                bucket = new Bucket();
                buckets.put(key, bucket);
            }
            if (bucket.size >= maxBucket) {
                bucket.removeAt(0);
            }
            bucket.add(hash, entry);
        }
    }

    /** The nearest entry within {@code maxDistance} bits, or null. */
    @SuppressWarnings("unchecked")
    Entry<V> nearest(long hash, int maxDistance) {
        Object best = null;
        int bestDistance = maxDistance + 1;
        for (int band = 0; band < BANDS; band++) {
            Bucket bucket = buckets.get(key(hash, band));
            if (bucket == null) {
                continue;
            }
            long[] hashes = bucket.hashes;
            for (int i = bucket.size - 1; i >= 0; i--) {
                int d = Long.bitCount(hashes[i] ^ hash);
                if (d < bestDistance) {
                    best = bucket.entries[i];
                    bestDistance = d;
                }
            }
        }
        return (Entry<V>) best;
    }

    private static int key(long hash, int band) {
        return band << BAND_BITS | (int) ((hash >>> (band * BAND_BITS)) & BAND_MASK);
    }
}
