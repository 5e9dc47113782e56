package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The image and text indexes' preallocated parts (band buckets linked through the ring, post ids as numbers). */
class PreallocatedIndexTest {

    @Test
    void bucketsLinkedThroughTheRingAnswerAsTheGrowingBucketsDid() {
        SplittableRandom random = new SplittableRandom(8);
        for (int round = 0; round < 40; round++) {
            int capacity = 1 + random.nextInt(300);
            int maxBucket = 1 + random.nextInt(6);
            HammingIndex<Object> index = new HammingIndex<>(capacity, maxBucket);
            ArrayBucketHammingIndex reference = new ArrayBucketHammingIndex(capacity, maxBucket);
            // few distinct band values, so that buckets fill, overflow and have entries overwritten in the ring
            long[] bandValues = new long[1 + random.nextInt(12)];
            for (int i = 0; i < bandValues.length; i++) {
                bandValues[i] = random.nextLong() & 0xFFFFL;
            }
            for (int i = 0; i < 3_000; i++) {
                long hash = hash(random, bandValues);
                assertEquals(reference.add(hash), index.add(hash));
                long query = hash(random, bandValues);
                int distance = random.nextInt(20);
                int expected = reference.nearestPosition(query, distance);
                assertEquals(expected, index.nearestPosition(query, distance),
                        "round " + round + ", entry " + i + ", capacity " + capacity + ", bucket " + maxBucket);
            }
        }
    }

    @Test
    void aFullBucketKeepsItsNewestEntriesAndForgetsTheOldest() {
        HammingIndex<String> index = new HammingIndex<>(100, 2);
        long query = 0x1111_2222_3333_4444L;
        // all three share only the lowest band with the query: the closest is the oldest, which the full bucket forgot
        index.add(query ^ 0x0001_0001_0001_0000L, "oldest, 3 bits away");
        index.add(query ^ 0x00FF_00FF_00FF_0000L, "24 bits away");
        index.add(query ^ 0x0FFF_0FFF_0FFF_0000L, "36 bits away");
        assertEquals("24 bits away", index.nearest(query, 64).value);
        HammingIndex<String> roomy = new HammingIndex<>(100, 3);
        roomy.add(query ^ 0x0001_0001_0001_0000L, "oldest, 3 bits away");
        roomy.add(query ^ 0x00FF_00FF_00FF_0000L, "24 bits away");
        assertEquals("oldest, 3 bits away", roomy.nearest(query, 64).value, "a bucket with room keeps it");
    }

    @Test
    void anEntryDroppedFromAFullBucketIsOverwrittenInTheRingWithoutHarm() {
        HammingIndex<String> index = new HammingIndex<>(2, 1);
        long base = 0x0a0a_0b0b_0c0c_0d0dL;
        index.add(base, "a");
        index.add(base ^ 0x1L, "b"); // takes the three upper band buckets from "a"
        index.add(base ^ 0x2L, "c"); // takes them from "b", and overwrites "a" in the ring
        assertNull(index.nearest(base, 0), "a is forgotten");
        assertEquals("b", index.nearest(base ^ 0x1L, 0).value, "b is still filed under its own lowest band");
        index.add(0x5555L, "d"); // overwrites "b", which is no longer in the buckets "c" holds: "c" must stay
        assertNull(index.nearest(base ^ 0x1L, 0));
        assertEquals("c", index.nearest(base ^ 0x2L, 0).value);
        assertEquals("d", index.nearest(0x5555L, 0).value);
    }

    @Test
    void postIdsReadBackEqualWhateverTheirForm() {
        PostIds ids = new PostIds(8);
        String uuid = UUID.randomUUID().toString();
        String[] stored = {uuid, "p1234567", "e-18-characters-ok", "nineteen-characters", uuid.toUpperCase(), "ünïcode",
            "", null};
        for (int i = 0; i < stored.length; i++) {
            ids.set(i, stored[i]);
        }
        for (int i = 0; i < stored.length; i++) {
            assertEquals(stored[i], ids.get(i), "slot " + i);
        }
        ids.set(1, uuid);
        ids.set(3, "p1");
        assertEquals(uuid, ids.get(1));
        assertEquals("p1", ids.get(3), "a slot once holding a String holds the new id");
        assertEquals("00000000-0000-0000-0000-000000000000", roundTrip("00000000-0000-0000-0000-000000000000"));
        assertEquals("ffffffff-ffff-ffff-ffff-ffffffffffff", roundTrip("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        assertEquals("0123456789abcdefghi", roundTrip("0123456789abcdefghi"));
        assertEquals("\u007f~ !", roundTrip("\u007f~ !"));
        SplittableRandom random = new SplittableRandom(36);
        for (int i = 0; i < 1_000; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            assertEquals(id, roundTrip(id));
        }
    }

    private static String roundTrip(String id) {
        PostIds ids = new PostIds(1);
        ids.set(0, id);
        return ids.get(0);
    }

    private static long hash(SplittableRandom random, long[] bandValues) {
        long hash = 0;
        for (int band = 0; band < 4; band++) {
            long value = random.nextInt(4) == 0 ? random.nextLong() & 0xFFFFL : bandValues[random.nextInt(bandValues.length)];
            hash |= value << (band * 16);
        }
        return hash;
    }
}
