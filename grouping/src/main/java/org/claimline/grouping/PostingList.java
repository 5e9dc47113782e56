package org.claimline.grouping;

/** The most recent events filed under one index key; the oldest drop out when full, which bounds the cost of common keys. */
final class PostingList {

    private final EventState[] events;
    private int size;

    PostingList(int capacity) {
        events = new EventState[capacity];
    }

    int size() {
        return size;
    }

    EventState get(int i) {
        return events[i];
    }

    /** Adds the event (or moves it to the newest position when present). */
    void add(EventState e) {
        int at = indexOf(e);
        if (at >= 0) {
            System.arraycopy(events, at + 1, events, at, size - at - 1);
            events[size - 1] = e;
            return;
        }
        if (size == events.length) {
            System.arraycopy(events, 1, events, 0, size - 1);
            size--;
        }
        events[size++] = e;
    }

    void remove(EventState e) {
        int at = indexOf(e);
        if (at >= 0) {
            System.arraycopy(events, at + 1, events, at, size - at - 1);
            events[--size] = null;
        }
    }

    private int indexOf(EventState e) {
        for (int i = 0; i < size; i++) {
            if (events[i] == e) {
                return i;
            }
        }
        return -1;
    }
}
