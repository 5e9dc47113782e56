package org.claimline.grouping.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The compact LRU behind the image and reply indexes: what it keeps, finds, forgets and tells apart. */
class LongLruTest {

    @Test
    void putGetAndFindKeepEntryNumbersStable() {
        LongLru lru = new LongLru(4);
        int a = lru.put(11, 1);
        int b = lru.put(22, 2);
        assertNotEquals(a, b);
        assertEquals(a, lru.get(11, 1));
        assertEquals(b, lru.find(22, 2));
        assertEquals(a, lru.put(11, 1), "putting a present key returns its entry");
        assertEquals(2, lru.size());
        assertEquals(-1, lru.get(33, 3));
    }

    @Test
    void aFullSetDropsTheLeastRecentlyUsedAndReusesItsEntry() {
        LongLru lru = new LongLru(3);
        int first = lru.put(1, 0);
        lru.put(2, 0);
        lru.put(3, 0);
        lru.get(1, 0); // 1 is now the most recent: 2 is the least recent
        lru.find(2, 0); // find does not change the order
        int fourth = lru.put(4, 0);
        assertEquals(3, lru.size());
        assertEquals(-1, lru.find(2, 0), "the least recently used key was dropped");
        assertEquals(first, lru.find(1, 0));
        assertTrue(fourth >= 0 && fourth < 3, "the new key took a dropped entry's number");
        assertEquals(lru.find(3, 0), lru.eldest());
    }

    @Test
    void keysWithTheSameHashButAnotherCheckAreDifferentKeys() {
        LongLru lru = new LongLru(8);
        int a = lru.put(42, 1);
        int b = lru.put(42, 2);
        assertNotEquals(a, b);
        assertEquals(a, lru.find(42, 1));
        assertEquals(b, lru.find(42, 2));
        assertEquals(-1, lru.find(42, 3));
        // 0 is an ordinary key
        int zero = lru.put(0, 0);
        assertEquals(zero, lru.find(0, 0));
    }

    @Test
    void behavesLikeAnAccessOrderedLinkedHashMapUnderCollisionsAndEvictions() {
        int capacity = 500;
        LongLru lru = new LongLru(capacity);
        long[] values = new long[capacity];
        Map<Long, Long> expected = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
                return size() > capacity;
            }
        };
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 300_000; i++) {
            // few distinct hash values (long probe runs, backward shifts across the table's end) and checks
            long hash = random.nextInt(2_000) * 0x10000L;
            int check = random.nextInt(2);
            long key = hash + check;
            int op = random.nextInt(3);
            if (op == 0) {
                int entry = lru.put(hash, check);
                values[entry] = i;
                expected.put(key, (long) i);
            } else if (op == 1) {
                int entry = lru.get(hash, check);
                Long want = expected.get(key);
                assertEquals(want == null ? -1 : want, entry < 0 ? -1 : values[entry], "get " + key);
            } else {
                int entry = lru.find(hash, check);
                assertEquals(expected.containsKey(key), entry >= 0, "find " + key);
            }
        }
        assertEquals(expected.size(), lru.size());
        Iterator<Long> oldest = expected.keySet().iterator();
        long eldestKey = oldest.next();
        assertEquals(lru.find(eldestKey & ~0xFFFFL, (int) (eldestKey & 0xFFFF)), lru.eldest());
        for (Map.Entry<Long, Long> e : expected.entrySet()) {
            int entry = lru.find(e.getKey() & ~0xFFFFL, (int) (e.getKey() & 0xFFFF));
            assertEquals(e.getValue(), values[entry]);
        }
    }

    @Test
    void aZeroCapacityKeepsNothing() {
        LongLru lru = new LongLru(0);
        assertEquals(-1, lru.put(1, 1));
        assertEquals(-1, lru.get(1, 1));
        assertEquals(0, lru.size());
    }
}
