package org.claimline.grouping.util;

/**
 * Objects keyed by 64-bit hashes in open addressing (backward-shift deletion), because the candidate index is looked up
 * for every term of every post and boxed {@code Long} keys cost an allocation and a pointer chase each time.
 *
 * @param <V> value type
 */
public final class LongObjectMap<V> {

    private static final long EMPTY = 0L;
    private static final int MIN_CAPACITY = 16;
    private static final double MAX_LOAD = 0.5;

    private long[] keys = new long[MIN_CAPACITY];
    private Object[] values = new Object[MIN_CAPACITY];
    private int size;
    /** The key 0 marks empty slots, so its value lives apart. */
    private boolean hasZero;
    private Object zeroValue;

    public int size() {
        return size + (hasZero ? 1 : 0);
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        if (key == EMPTY) {
            return (V) zeroValue;
        }
        long k = key;
        int mask = keys.length - 1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return (V) values[i];
            }
            if (keys[i] == EMPTY) {
                return null;
            }
        }
    }

    public void put(long key, V value) {
        if (key == EMPTY) {
            hasZero = true;
            zeroValue = value;
            return;
        }
        long k = key;
        if (size + 1 > keys.length * MAX_LOAD) {
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            if (keys[i] == k) {
                values[i] = value;
                return;
            }
            if (keys[i] == EMPTY) {
                keys[i] = k;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    public void remove(long key) {
        if (key == EMPTY) {
            hasZero = false;
            zeroValue = null;
            return;
        }
        long k = key;
        int mask = keys.length - 1;
        int i = slot(k, mask);
        while (keys[i] != k) {
            if (keys[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        size--;
        // shift later entries of the probe chain back so that lookups never stop at a hole
        int hole = i;
        for (int j = (hole + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        values[hole] = null;
        if (keys.length > MIN_CAPACITY && size < keys.length / 8) {
            rehash(keys.length / 2);
        }
    }

    @SuppressWarnings("unchecked")
    private void rehash(int capacity) {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[capacity];
        values = new Object[capacity];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], (V) oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
