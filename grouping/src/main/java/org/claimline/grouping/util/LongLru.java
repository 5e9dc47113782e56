package org.claimline.grouping.util;

/**
 * A bounded least-recently-used set of keys in preallocated primitive arrays, each key mapped to a stable entry number
 * that callers use to keep their values in arrays of their own; the engine's image and reply indexes hold hundreds of
 * thousands of keys, and a {@code LinkedHashMap} with string keys costs several hundred bytes for each.
 *
 * <p>A key is a 64-bit hash plus a 32-bit check (two independent hashes of the original string): two strings are taken
 * for one only when both agree, about one chance in 2^96 per pair. Entries are in access order, as a
 * {@code LinkedHashMap} in access order: {@link #get} and {@link #put} move an entry to the most recent end,
 * {@link #find} does not; putting a new key into a full set drops the least recent entry and reuses its number.
 */
public final class LongLru {

    private static final int NONE = -1;
    private static final double MAX_LOAD = 0.5;

    private final int capacity;
    /** Open-addressing table (linear probing): the key's hash, its check and its entry number plus one (0: empty). */
    private final long[] tableKeys;
    private final int[] tableChecks;
    private final int[] tableEntries;
    private final int mask;
    /** Per entry: its key and check (to find its table slot when it is dropped) and its neighbours in access order. */
    private final long[] keys;
    private final int[] checks;
    private final int[] older;
    private final int[] newer;
    private int size;
    private int eldest = NONE;
    private int youngest = NONE;

    public LongLru(int capacity) {
        this.capacity = Math.max(0, capacity);
        int tableSize = Integer.highestOneBit(Math.max(2, (int) Math.min(1 << 30, (long) (this.capacity / MAX_LOAD)))) << 1;
        tableKeys = new long[tableSize];
        tableChecks = new int[tableSize];
        tableEntries = new int[tableSize];
        mask = tableSize - 1;
        keys = new long[this.capacity];
        checks = new int[this.capacity];
        older = new int[this.capacity];
        newer = new int[this.capacity];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** The entry of the key, or -1, without changing the order. */
    public int find(long key, int check) {
        for (int i = slot(key); ; i = (i + 1) & mask) {
            int entry = tableEntries[i] - 1;
            if (entry == NONE) {
                return NONE;
            }
            if (tableKeys[i] == key && tableChecks[i] == check) {
                return entry;
            }
        }
    }

    /** The entry of the key, or -1; a found entry becomes the most recent. */
    public int get(long key, int check) {
        int entry = find(key, check);
        if (entry != NONE) {
            moveToYoungest(entry);
        }
        return entry;
    }

    /**
     * The entry of the key, made the most recent; a new key takes a new entry, or the least recent one's when full (that
     * key is dropped). Returns -1 only when the capacity is 0.
     */
    public int put(long key, int check) {
        int entry = get(key, check);
        if (entry != NONE || capacity == 0) {
            return entry;
        }
        if (size == capacity) {
            entry = eldest;
            unlink(entry);
            removeFromTable(keys[entry], checks[entry]);
        } else {
            entry = size++;
        }
        keys[entry] = key;
        checks[entry] = check;
        int i = slot(key);
        while (tableEntries[i] != 0) {
            i = (i + 1) & mask;
        }
        tableKeys[i] = key;
        tableChecks[i] = check;
        tableEntries[i] = entry + 1;
        linkYoungest(entry);
        return entry;
    }

    /** The least recent entry, or -1 when empty. */
    public int eldest() {
        return eldest;
    }

    private void moveToYoungest(int entry) {
        if (entry != youngest) {
            unlink(entry);
            linkYoungest(entry);
        }
    }

    private void unlink(int entry) {
        int o = older[entry];
        int n = newer[entry];
        if (o == NONE) {
            eldest = n;
        } else {
            newer[o] = n;
        }
        if (n == NONE) {
            youngest = o;
        } else {
            older[n] = o;
        }
    }

    private void linkYoungest(int entry) {
        older[entry] = youngest;
        newer[entry] = NONE;
        if (youngest == NONE) {
            eldest = entry;
        } else {
            newer[youngest] = entry;
        }
        youngest = entry;
    }

    /** Backward-shift deletion: later keys of the probe run move up so that no lookup stops early at the hole. */
    private void removeFromTable(long key, int check) {
        int i = slot(key);
        while (!(tableKeys[i] == key && tableChecks[i] == check && tableEntries[i] != 0)) {
            i = (i + 1) & mask;
        }
        int hole = i;
        for (int j = (hole + 1) & mask; tableEntries[j] != 0; j = (j + 1) & mask) {
            int home = slot(tableKeys[j]);
            // j's key may fill the hole when its home is not cyclically within (hole, j]
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                tableKeys[hole] = tableKeys[j];
                tableChecks[hole] = tableChecks[j];
                tableEntries[hole] = tableEntries[j];
                hole = j;
            }
        }
        tableKeys[hole] = 0;
        tableChecks[hole] = 0;
        tableEntries[hole] = 0;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
