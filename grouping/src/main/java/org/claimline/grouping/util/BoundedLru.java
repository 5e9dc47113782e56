package org.claimline.grouping.util;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A map that forgets its least recently used entries beyond a capacity, so that every index the engine keeps stays flat in memory. */
public final class BoundedLru<K, V> extends LinkedHashMap<K, V> {

    private static final long serialVersionUID = 1L;
    private static final float LOAD_FACTOR = 0.75f;
    private static final int INITIAL_CAPACITY = 1024;

    private final int capacity;
    private final transient Consumer<V> forgotten;

    public BoundedLru(int capacity) {
        this(capacity, null);
    }

    /** @param forgotten told of each value dropped for the capacity (not of values removed or replaced by a caller) */
    public BoundedLru(int capacity, Consumer<V> forgotten) {
        super(Math.min(capacity, INITIAL_CAPACITY), LOAD_FACTOR, true);
        this.capacity = capacity;
        this.forgotten = forgotten;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        boolean drop = size() > capacity;
        if (drop && forgotten != null) {
            forgotten.accept(eldest.getValue());
        }
        return drop;
    }
}
