package org.claimline.web.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageCacheTest {

    private static final PageCache.Shape FIRST = new PageCache.Shape(null, 50);
    private static final PageCache.Shape LANE = new PageCache.Shape("st-1", 50);

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPageReadWithNoCommitMeanwhileIsServedFromMemory() {
        PageCache cache = new PageCache(10, 1 << 20);
        assertNull(cache.get("ev-1", FIRST));
        long started = cache.readStarted();
        cache.offer("ev-1", FIRST, 7, body("{\"items\":[1]}"), started);

        PageCache.Page page = cache.get("ev-1", FIRST);
        assertNotNull(page);
        assertEquals(7, page.version());
        assertArrayEquals(body("{\"items\":[1]}"), page.body());
        assertEquals(7L, cache.knownVersion("ev-1"));
        assertNull(cache.get("ev-1", LANE), "another shape of the same event is another page");
        assertNull(cache.get("ev-2", FIRST));
        assertEquals(1, cache.hits());
        assertEquals(3, cache.misses());
    }

    @Test
    void aCommitThatChangesTheEventDropsItsPagesAndTheNewVersionIsKnownAfterIt() {
        PageCache cache = new PageCache(10, 1 << 20);
        cache.offer("ev-1", FIRST, 7, body("old"), cache.readStarted());
        cache.offer("ev-1", LANE, 7, body("old lane"), cache.readStarted());
        cache.offer("ev-2", FIRST, 5, body("other"), cache.readStarted());

        Collection<String> toKnow = cache.beforeCommit(Set.of("ev-1"));
        // during the commit nothing of ev-1 is served or known: a read goes to the database
        assertNull(cache.get("ev-1", FIRST));
        assertNull(cache.get("ev-1", LANE));
        assertNull(cache.knownVersion("ev-1"));
        assertNotNull(cache.get("ev-2", FIRST), "an event the commit does not change keeps its page");
        cache.afterCommit(toKnow, 9, true);

        assertEquals(9L, cache.knownVersion("ev-1"));
        assertNull(cache.get("ev-1", FIRST), "the new version's page has not been read yet");
        cache.offer("ev-1", FIRST, 7, body("old, read before the commit"), cache.readStarted());
        assertNull(cache.get("ev-1", FIRST), "a page of an older version is never stored");
        cache.offer("ev-1", FIRST, 9, body("new"), cache.readStarted());
        assertArrayEquals(body("new"), cache.get("ev-1", FIRST).body());
        assertEquals(2, cache.entries());
    }

    @Test
    void aReadThatOverlapsACommitDoesNotTeachAVersion() {
        PageCache cache = new PageCache(10, 1 << 20);
        long before = cache.readStarted();
        Collection<String> toKnow = cache.beforeCommit(Set.of("ev-1"));
        cache.afterCommit(toKnow, 9, true);
        // the page was read before the commit (version 7 in the database then): unknown event, so it cannot be kept
        cache.offer("ev-1", FIRST, 7, body("old"), before);
        assertNull(cache.get("ev-1", FIRST));
        assertNull(cache.knownVersion("ev-1"));

        long during;
        toKnow = cache.beforeCommit(Set.of("ev-2"));
        during = cache.readStarted();
        cache.offer("ev-1", FIRST, 9, body("read while another commit ran"), during);
        assertNull(cache.get("ev-1", FIRST), "no version is learnt while a commit is under way");
        cache.afterCommit(toKnow, 10, true);

        cache.offer("ev-1", FIRST, 9, body("new"), cache.readStarted());
        assertArrayEquals(body("new"), cache.get("ev-1", FIRST).body());
    }

    @Test
    void aFailedCommitLeavesTheVersionUnknown() {
        PageCache cache = new PageCache(10, 1 << 20);
        cache.offer("ev-1", FIRST, 7, body("page"), cache.readStarted());
        Collection<String> toKnow = cache.beforeCommit(List.of("ev-1"));
        cache.afterCommit(toKnow, 9, false);
        assertNull(cache.knownVersion("ev-1"));
        assertNull(cache.get("ev-1", FIRST));
    }

    @Test
    void boundedByEntriesAndBytesLeastRecentlyUsedFirst() {
        PageCache byEntries = new PageCache(2, 1 << 20);
        byEntries.offer("ev-1", FIRST, 1, body("a"), byEntries.readStarted());
        byEntries.offer("ev-2", FIRST, 1, body("b"), byEntries.readStarted());
        assertNotNull(byEntries.get("ev-1", FIRST));
        byEntries.offer("ev-3", FIRST, 1, body("c"), byEntries.readStarted());
        assertEquals(2, byEntries.entries());
        assertNotNull(byEntries.get("ev-1", FIRST), "used last, so kept");
        assertNull(byEntries.get("ev-2", FIRST), "least recently used, so evicted");
        assertEquals(1, byEntries.evictions());

        byte[] big = new byte[10_000];
        PageCache byBytes = new PageCache(100, 25_000);
        for (int i = 0; i < 5; i++) {
            byBytes.offer("ev-" + i, FIRST, 1, big, byBytes.readStarted());
            assertTrue(byBytes.bytes() <= 25_000, "never above the byte bound");
        }
        assertEquals(2, byBytes.entries());
        assertNotNull(byBytes.get("ev-4", FIRST));
        assertNull(byBytes.get("ev-0", FIRST));

        byBytes.offer("ev-huge", FIRST, 1, new byte[30_000], byBytes.readStarted());
        assertNull(byBytes.get("ev-huge", FIRST), "a page larger than the whole bound is not kept");
        assertEquals(2, byBytes.entries());
    }

    @Test
    void droppedPagesGiveTheirBytesBack() {
        PageCache cache = new PageCache(10, 1 << 20);
        cache.offer("ev-1", FIRST, 1, new byte[1000], cache.readStarted());
        cache.offer("ev-1", LANE, 1, new byte[1000], cache.readStarted());
        long two = cache.bytes();
        cache.offer("ev-1", FIRST, 1, new byte[1000], cache.readStarted());
        assertEquals(two, cache.bytes(), "a page stored again replaces itself");
        cache.afterCommit(cache.beforeCommit(Set.of("ev-1")), 2, true);
        assertEquals(0, cache.bytes());
        assertEquals(0, cache.entries());
    }

    @Test
    void zeroEntriesKeepsNothing() {
        PageCache cache = new PageCache(0, 0);
        cache.offer("ev-1", FIRST, 1, body("a"), cache.readStarted());
        assertNull(cache.get("ev-1", FIRST));
        assertEquals(0, cache.entries());
    }
}
