package org.claimline.grouping.util;

import java.util.Arrays;

/**
 * Counts keyed by 64-bit term hashes in open addressing, with pruning to a size cap, because per-event term profiles
 * must stay small and boxed maps would cost several times the memory and time. Each slot holds its key's two halves and
 * its count side by side in one int array (12 bytes a slot, as two arrays took): a lookup that finds its key reads one
 * cache line, not one in each array; an event's profile is looked up for every term of every candidate post.
 */
public final class LongIntMap {

    private static final long EMPTY = 0L;
    private static final int MIN_CAPACITY = 8;
    private static final double MAX_LOAD = 0.6;
    private static final int STRIDE = 3;
    private static final long LOW_MASK = 0xFFFF_FFFFL;

    /** Slot i at {@code i * 3}: the key's low half, its high half, the count; a zero key marks an empty slot. */
    private int[] table;
    private int capacity;
    private int size;

    public LongIntMap() {
        capacity = MIN_CAPACITY;
        table = new int[MIN_CAPACITY * STRIDE];
    }

    public int size() {
        return size;
    }

    public int get(long key) {
        long k = key == EMPTY ? 1 : key;
        int lo = (int) k;
        int hi = (int) (k >>> Integer.SIZE);
        int[] t = table;
        int mask = capacity - 1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            int at = i * STRIDE;
            int tlo = t[at];
            int thi = t[at + 1];
            if (tlo == lo && thi == hi) {
                return t[at + 2];
            }
            if (tlo == 0 && thi == 0) {
                return 0;
            }
        }
    }

    /** Adds {@code delta} to the count of {@code key} and returns the new count. */
    public int add(long key, int delta) {
        long k = key == EMPTY ? 1 : key;
        if (size + 1 > capacity * MAX_LOAD) {
            rehash(capacity * 2);
        }
        int lo = (int) k;
        int hi = (int) (k >>> Integer.SIZE);
        int[] t = table;
        int mask = capacity - 1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            int at = i * STRIDE;
            int tlo = t[at];
            int thi = t[at + 1];
            if (tlo == lo && thi == hi) {
                t[at + 2] += delta;
                return t[at + 2];
            }
            if (tlo == 0 && thi == 0) {
                t[at] = lo;
                t[at + 1] = hi;
                t[at + 2] = delta;
                size++;
                return delta;
            }
        }
    }

    /** Calls {@code visitor} for each entry, in slot order. */
    public void forEach(Visitor visitor) {
        int[] t = table;
        for (int at = 0; at < t.length; at += STRIDE) {
            if (t[at] != 0 || t[at + 1] != 0) {
                visitor.visit(key(t, at), t[at + 2]);
            }
        }
    }

    /** Keeps about the {@code keep} largest counts, dropping the rest (ties at the cut are dropped too). */
    public void pruneTo(int keep) {
        if (size <= keep) {
            return;
        }
        int[] counts = new int[size];
        int n = 0;
        int[] old = table;
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at] != 0 || old[at + 1] != 0) {
                counts[n++] = old[at + 2];
            }
        }
        Arrays.sort(counts);
        int cut = counts[size - keep];
        capacity = tableSize(keep);
        table = new int[capacity * STRIDE];
        size = 0;
        for (int at = 0; at < old.length; at += STRIDE) {
            if ((old[at] != 0 || old[at + 1] != 0) && old[at + 2] > cut) {
                add(key(old, at), old[at + 2]);
            }
        }
    }

    private void rehash(int newCapacity) {
        int[] old = table;
        capacity = newCapacity;
        table = new int[newCapacity * STRIDE];
        size = 0;
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at] != 0 || old[at + 1] != 0) {
                add(key(old, at), old[at + 2]);
            }
        }
    }

    private static long key(int[] t, int at) {
        return (long) t[at + 1] << Integer.SIZE | (t[at] & LOW_MASK);
    }

    private static int tableSize(int entries) {
        int capacity = MIN_CAPACITY;
        while (capacity * MAX_LOAD < entries + 1) {
            capacity <<= 1;
        }
        return capacity;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** Receives one entry. */
    @FunctionalInterface
    public interface Visitor {
        void visit(long key, int value);
    }
}
