package org.claimline.grouping.util;

import java.util.Arrays;

/** LongIntMap as it was before session 7 (keys and counts in two arrays): the reference its layout change must match. */
final class SeparateArraysLongIntMap {

    private static final long EMPTY = 0L;
    private static final int MIN_CAPACITY = 8;
    private static final double MAX_LOAD = 0.6;

    private long[] keys;
    private int[] values;
    private int size;

    SeparateArraysLongIntMap() {
        keys = new long[MIN_CAPACITY];
        values = new int[MIN_CAPACITY];
    }

    public int size() {
        return size;
    }

    public int get(long key) {
        long k = key == EMPTY ? 1 : key;
        int mask = keys.length - 1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return values[i];
            }
            if (keys[i] == EMPTY) {
                return 0;
            }
        }
    }

    /** Adds {@code delta} to the count of {@code key} and returns the new count. */
    public int add(long key, int delta) {
        long k = key == EMPTY ? 1 : key;
        if (size + 1 > keys.length * MAX_LOAD) {
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            if (keys[i] == k) {
                values[i] += delta;
                return values[i];
            }
            if (keys[i] == EMPTY) {
                keys[i] = k;
                values[i] = delta;
                size++;
                return delta;
            }
        }
    }

    /** Calls {@code visitor} for each entry. */
    public void forEach(LongIntMap.Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(keys[i], values[i]);
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
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                counts[n++] = values[i];
            }
        }
        Arrays.sort(counts);
        int cut = counts[size - keep];
        long[] oldKeys = keys;
        int[] oldValues = values;
        int capacity = tableSize(keep);
        keys = new long[capacity];
        values = new int[capacity];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldValues[i] > cut) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[capacity];
        values = new int[capacity];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                add(oldKeys[i], oldValues[i]);
            }
        }
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
}
