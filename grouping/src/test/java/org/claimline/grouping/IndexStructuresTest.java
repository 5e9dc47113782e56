package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void ringPositionsAreReusedOldestFirstAndForgottenHashesAreNotFound() {
        HammingIndex<Object> index = new HammingIndex<>(3, 16);
        long base = 0x0f0f0f0f0f0f0f0fL;
        int a = index.add(base);
        int b = index.add(base ^ 0xFF00L);
        int c = index.add(base ^ 0xFF0000L);
        assertEquals(a, index.nearestPosition(base ^ 1L, 3));
        assertEquals(base ^ 0xFF00L, index.hashAt(b));
        int d = index.add(0x1234_5678_9abc_def0L);
        assertEquals(a, d, "the oldest position is the next one used");
        assertEquals(-1, index.nearestPosition(base, 0), "the first hash was forgotten with its position");
        assertEquals(c, index.nearestPosition(base ^ 0xFF0000L, 0));
        assertEquals(d, index.nearestPosition(0x1234_5678_9abc_def0L, 0));
    }

    @Test
    void anImageIsFoundByShaAndByANearPerceptualHashUntilForgotten() {
        ImageIndex images = new ImageIndex(2, 16);
        images.put("aa", 7, 1_000, "p1");
        images.addSimilar(0xABCDL, 7, 1_000, "p1");
        int entry = images.get("aa");
        assertEquals(7, images.storyline(entry));
        assertEquals(1_000, images.firstAt(entry));
        assertEquals("p1", images.firstPostId(entry));
        int near = images.nearest(0xABCDL ^ 0b11L, 3);
        assertEquals("p1", images.similarFirstPostId(near));
        assertEquals(0xABCDL, images.similarHash(near));
        images.put("bb", 8, 2_000, "p2");
        images.get("aa"); // seen again: "bb" is now the least recently seen
        images.put("cc", 9, 3_000, "p3");
        assertTrue(images.contains("aa"));
        assertFalse(images.contains("bb"), "capacity 2: the least recently seen image was forgotten");
        assertEquals("p3", images.firstPostId(images.get("cc")));
    }
}
