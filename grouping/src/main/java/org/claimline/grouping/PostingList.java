package org.claimline.grouping;

import java.util.Arrays;

/**
 * The most recent events filed under one index key, as hot-event slots; the oldest drop out when full, which bounds the
 * cost of common keys. A list starts small and grows to its capacity: most keys index one or two events.
 */
final class PostingList {

    private static final int INITIAL = 2;

    private final int capacity;
    private int[] slots;
    private int size;

    PostingList(int capacity) {
        this.capacity = capacity;
        this.slots = new int[Math.min(INITIAL, capacity)];
    }

    int size() {
        return size;
    }

    int get(int i) {
        return slots[i];
    }

    /** Adds the slot (or moves it to the newest position when present). */
    void add(int slot) {
        int at = indexOf(slot);
        if (at >= 0) {
            System.arraycopy(slots, at + 1, slots, at, size - at - 1);
            slots[size - 1] = slot;
            return;
        }
        if (size == capacity) {
            System.arraycopy(slots, 1, slots, 0, size - 1);
            size--;
        } else if (size == slots.length) {
            slots = Arrays.copyOf(slots, Math.min(capacity, slots.length * 2));
        }
        slots[size++] = slot;
    }

    void remove(int slot) {
        int at = indexOf(slot);
        if (at >= 0) {
            System.arraycopy(slots, at + 1, slots, at, size - at - 1);
            size--;
        }
    }

    private int indexOf(int slot) {
        for (int i = 0; i < size; i++) {
            if (slots[i] == slot) {
                return i;
            }
        }
        return -1;
    }
}
