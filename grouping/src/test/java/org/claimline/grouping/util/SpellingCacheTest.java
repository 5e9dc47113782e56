package org.claimline.grouping.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The spelling table keeps short spellings in its own bytes and gives back exactly what it was given. */
class SpellingCacheTest {

    @Test
    void everySpellingReadsBackUnchangedWhereverItIsKept() {
        String[] spellings = {"flood", "#aleppo", "sixteen-bytes-ok", "seventeen-bytes-x", "حلب", "إخلاء_المدنيين_اليوم",
            "\uD83C\uDF0A", "lone\uD800", "", "ü"};
        SpellingCache cache = new SpellingCache(1 << 12);
        for (int i = 0; i < spellings.length; i++) {
            cache.put(100 + i, spellings[i]);
        }
        for (int i = 0; i < spellings.length; i++) {
            assertTrue(cache.containsKey(100 + i));
            assertEquals(spellings[i], cache.get(100 + i), "spelling " + i);
        }
        assertFalse(cache.containsKey(99));
        assertNull(cache.get(99));
    }

    @Test
    void aSlotTakenByANewerTermForgetsTheOlderWhateverTheirLengths() {
        SpellingCache cache = new SpellingCache(2); // two slots: of three keys, two share one
        long[] keys = {1, 2, 3};
        String[] spellings = {"a-rather-long-spelling-kept-as-a-string", "short", "x"};
        for (int i = 0; i < keys.length; i++) {
            cache.put(keys[i], spellings[i]);
        }
        int known = 0;
        for (int i = 0; i < keys.length; i++) {
            String got = cache.get(keys[i]);
            if (got != null) {
                assertEquals(spellings[i], got);
                known++;
            }
        }
        assertEquals(2, known, "one of the three was overwritten");
        cache.put(keys[0], "now-short");
        assertEquals("now-short", cache.get(keys[0]));
        cache.put(keys[0], spellings[0]);
        assertEquals(spellings[0], cache.get(keys[0]));
        cache.put(keys[0], null);
        assertFalse(cache.containsKey(keys[0]));
    }
}
