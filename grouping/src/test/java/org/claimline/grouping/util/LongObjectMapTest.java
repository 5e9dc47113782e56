package org.claimline.grouping.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongObjectMapTest {

    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
        LongObjectMap<String> map = new LongObjectMap<>();
        Map<Long, String> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            // a small key range forces long probe chains, collisions and removals in the middle of chains
            long key = random.nextInt(3_000) - 1_500;
            if (random.nextInt(3) == 0) {
                map.remove(key);
                expected.remove(key);
            } else {
                map.put(key, "v" + i);
                expected.put(key, "v" + i);
            }
        }
        assertEquals(expected.size(), map.size());
        for (long key = -1_600; key < 1_600; key++) {
            assertEquals(expected.get(key), map.get(key), "key " + key);
        }
    }

    @Test
    void spellingCacheForgetsOnlyWhatANewerTermOverwrites() {
        SpellingCache cache = new SpellingCache(4);
        cache.put(11L, "flood");
        assertEquals("flood", cache.get(11L));
        assertNull(cache.get(12L));
    }
}
