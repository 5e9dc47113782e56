package org.claimline.grouping.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The term-count map's one-array layout: the same counts, and the same iteration order, as the two-array layout. */
class LongIntMapTest {

    @Test
    void countsAndIterationOrderMatchTheTwoArrayLayoutThroughGrowthAndPruning() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 50; round++) {
            LongIntMap map = new LongIntMap();
            SeparateArraysLongIntMap reference = new SeparateArraysLongIntMap();
            for (int i = 0; i < 3_000; i++) {
                // negative keys, keys whose halves are zero, and 0 itself (stored as 1, as before)
                long key = switch (random.nextInt(4)) {
                    case 0 -> random.nextLong();
                    case 1 -> random.nextInt(50) - 25;
                    case 2 -> (long) random.nextInt(8) << Integer.SIZE;
                    default -> random.nextInt(400) * 0x9E3779B97F4A7C15L;
                };
                int delta = random.nextInt(3) + 1;
                assertEquals(reference.add(key, delta), map.add(key, delta));
                long probe = random.nextInt(400) * 0x9E3779B97F4A7C15L;
                assertEquals(reference.get(probe), map.get(probe));
                if (random.nextInt(500) == 0) {
                    int keep = random.nextInt(200) + 1;
                    reference.pruneTo(keep);
                    map.pruneTo(keep);
                }
                assertEquals(reference.size(), map.size());
            }
            assertEquals(entries(reference), entries(map));
        }
    }

    private static List<String> entries(SeparateArraysLongIntMap map) {
        List<String> out = new ArrayList<>();
        map.forEach((key, value) -> out.add(key + "=" + value));
        return out;
    }

    private static List<String> entries(LongIntMap map) {
        List<String> out = new ArrayList<>();
        map.forEach((key, value) -> out.add(key + "=" + value));
        return out;
    }
}
