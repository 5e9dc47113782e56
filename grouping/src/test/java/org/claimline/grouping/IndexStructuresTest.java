package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The candidate index's posting lists and the near-duplicate index: what they keep, find and forget. */
class IndexStructuresTest {

    @Test
    void aPostingListGrowsToItsCapacityThenForgetsTheOldest() {
        PostingList list = new PostingList(4);
        for (int slot = 1; slot <= 4; slot++) {
            list.add(slot);
        }
        assertEquals(4, list.size());
        list.add(5);
        assertEquals(4, list.size());
        assertEquals(2, list.get(0), "the oldest slot (1) dropped out");
        assertEquals(5, list.get(3));
    }

    @Test
    void aSlotAddedAgainMovesToTheNewestPlaceWithoutDuplicating() {
        PostingList list = new PostingList(4);
        list.add(7);
        list.add(8);
        list.add(7);
        assertEquals(2, list.size());
        assertEquals(8, list.get(0));
        assertEquals(7, list.get(1));
        list.remove(8);
        list.remove(99);
        assertEquals(1, list.size());
        assertEquals(7, list.get(0));
    }

    @Test
    void nearestFindsAHashAFewBitsAwayAndNotOneFurther() {
        HammingIndex<String> index = new HammingIndex<>(100, 16);
        long hash = 0x0123456789abcdefL;
        index.add(hash, "a");
        index.add(~hash, "far");
        HammingIndex.Entry<String> near = index.nearest(hash ^ 0b101L, 3);
        assertEquals("a", near.value);
        assertNull(index.nearest(hash ^ 0xF0F0L, 3), "8 bits away is beyond 3");
    }

    @Test
    void nearestPrefersTheClosestAndForgetsBeyondCapacity() {
        HammingIndex<String> index = new HammingIndex<>(2, 16);
        long hash = 0x00ff00ff00ff00ffL;
        index.add(hash ^ 0b11L, "two bits");
        index.add(hash ^ 0b1L, "one bit");
        assertEquals("one bit", index.nearest(hash, 3).value);
        index.add(0x1234L, "third");
        // capacity 2: the first entry was forgotten
        HammingIndex.Entry<String> found = index.nearest(hash ^ 0b11L, 0);
        assertNull(found);
        assertSame("one bit", index.nearest(hash, 3).value);
    }
}
