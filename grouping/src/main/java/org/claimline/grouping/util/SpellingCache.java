package org.claimline.grouping.util;

/**
 * Readable spellings of term hashes in a fixed-size direct-mapped table: a newer term overwrites an older one in its
 * slot, so memory is constant from the start and a lookup is one array read; a forgotten spelling only leaves a term out
 * of a title or a reason.
 */
public final class SpellingCache {

    private final long[] keys;
    private final String[] spellings;
    private final int mask;

    /** @param capacity slots, rounded up to a power of two */
    public SpellingCache(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        keys = new long[size];
        spellings = new String[size];
        mask = size - 1;
    }

    public void put(long key, String spelling) {
        int i = slot(key);
        keys[i] = key;
        spellings[i] = spelling;
    }

    /** The spelling of {@code key}, or null when unknown or overwritten. */
    public String get(long key) {
        int i = slot(key);
        return keys[i] == key ? spellings[i] : null;
    }

    public boolean containsKey(long key) {
        return get(key) != null;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
