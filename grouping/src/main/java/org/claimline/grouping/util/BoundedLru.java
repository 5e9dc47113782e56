package org.claimline.grouping.util;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its least recently used entries beyond a capacity, so that every index the engine keeps stays flat in memory. */
public final class BoundedLru<K, V> extends LinkedHashMap<K, V> {

    private static final long serialVersionUID = 1L;
    private static final float LOAD_FACTOR = 0.75f;
    private static final int INITIAL_CAPACITY = 1024;

    private final int capacity;

    public BoundedLru(int capacity) {
        super(Math.min(capacity, INITIAL_CAPACITY), LOAD_FACTOR, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
