package org.claimline.grouping;

import java.util.ArrayList;
import java.util.List;
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

    private final LongObjectMap<List<Entry<V>>> buckets = new LongObjectMap<>();
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
                List<Entry<V>> bucket = buckets.get(key);
                if (bucket != null) {
                    bucket.remove(old);
                    if (bucket.isEmpty()) {
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
            List<Entry<V>> bucket = buckets.get(key);
            if (bucket == null) {
                bucket = new ArrayList<>(2);
                buckets.put(key, bucket);
            }
            if (bucket.size() >= maxBucket) {
                bucket.remove(0);
            }
            bucket.add(entry);
        }
    }

    /** The nearest entry within {@code maxDistance} bits, or null. */
    Entry<V> nearest(long hash, int maxDistance) {
        Entry<V> best = null;
        int bestDistance = maxDistance + 1;
        for (int band = 0; band < BANDS; band++) {
            List<Entry<V>> bucket = buckets.get(key(hash, band));
            if (bucket == null) {
                continue;
            }
            for (int i = bucket.size() - 1; i >= 0; i--) {
                Entry<V> e = bucket.get(i);
                int d = Long.bitCount(e.hash ^ hash);
                if (d < bestDistance) {
                    best = e;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    private static int key(long hash, int band) {
        return band << BAND_BITS | (int) ((hash >>> (band * BAND_BITS)) & BAND_MASK);
    }
}
