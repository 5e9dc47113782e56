package org.claimline.web.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedBatchTest {

    private final FeedBatch batch = new FeedBatch(List.of(
            new FeedItem(7, "a", null, "POST_PLACED", "{\"feedId\":7}"),
            new FeedItem(8, "b", null, "POST_PLACED", "{\"feedId\":8}"),
            new FeedItem(9, "c", "a", "EVENTS_MERGED", "{\"feedId\":9}")));

    @Test
    void everyoneGetsEveryFrameEncodedOnce() {
        FeedBatch.Frames all = batch.frames(null);
        assertEquals("id: 7\ndata: {\"feedId\":7}\n\nid: 8\ndata: {\"feedId\":8}\n\nid: 9\ndata: {\"feedId\":9}\n\n",
                new String(all.bytes(), StandardCharsets.UTF_8));
        assertEquals(9, all.lastId());
        assertSame(all, batch.frames(null));
    }

    @Test
    void anEventStreamGetsItsRowsAndMergesThatAbsorbedIt() {
        FeedBatch.Frames a = batch.frames("a");
        assertEquals("id: 7\ndata: {\"feedId\":7}\n\nid: 9\ndata: {\"feedId\":9}\n\n",
                new String(a.bytes(), StandardCharsets.UTF_8));
        assertEquals(9, a.lastId());
        assertEquals(0, batch.frames("z").lastId());
    }
}
