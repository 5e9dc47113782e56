package org.claimline.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every web-service setting under {@code claimline.*}, so that no number or URL hides in code. */
@ConfigMapping(prefix = "claimline")
public interface WebConfig {

    Service ingest();

    Service claims();

    Timeline timeline();

    Page page();

    Sse sse();

    Feed feed();

    Auth auth();

    Activity activity();

    Warmup warmup();

    PageCacheSettings pageCache();

    /**
     * The in-memory cache of rendered first pages ({@code GET /api/v1/events/{id}/posts} without cursor, search,
     * signal or language; with or without storyline), valid for one posts version of their event.
     */
    interface PageCacheSettings {
        boolean enabled();

        /** Most pages kept (event and query shape); least recently used go first. */
        int maxEntries();

        /** Most bytes of page bodies kept (a first page of 50 posts is about 75 KB). */
        long maxBytes();
    }

    /** Activity charts and their peaks. */
    interface Activity {
        /** Most bars in one chart. */
        int maxBars();

        /** Earlier bars that make the recent mean a peak is measured against. */
        int peakWindow();

        /** Standard deviations above the recent mean that make a peak. */
        double peakSigma();

        /** Fewest posts in a bar that can be a peak. */
        int peakMinPosts();
    }

    /** Another Claimline service that web-service proxies to, so the browser sees one origin. */
    interface Service {
        String url();

        /** Longest wait for an answer from it. */
        @WithDefault("PT5S")
        Duration timeout();
    }

    /** How timeline changes are applied. */
    interface Timeline {
        /** The sequence number of an event's first change; anything above it for an unknown event is held. */
        long firstSequence();

        /** First pause before a batch is retried while the database is unreachable. */
        Duration retryInitial();

        /** Longest pause between retries. */
        Duration retryMax();
    }

    /** Cursor paging limits of the JSON API. */
    interface Page {
        int defaultLimit();

        int maxLimit();
    }

    /** Server-sent events. */
    interface Sse {
        /** Comment written to idle streams so that proxies keep them open. */
        Duration keepAlive();

        /** Reconnect delay suggested to EventSource clients. */
        Duration retry();

        /** Feed rows read per query while a reconnecting client catches up. */
        int replayChunk();

        /** A client whose unsent bytes exceed this is disconnected (it reconnects with Last-Event-ID). */
        int maxWriteQueueBytes();
    }

    /** Who may read. */
    interface Auth {
        /** When set (comma-separated), every read needs one of these keys; unset, reading is open. */
        Optional<List<String>> viewerKeys();
    }

    /** How long the SSE replay feed keeps applied changes. */
    interface Feed {
        /** Changes older than this leave the feed. */
        Duration maxAge();

        /** At most this many changes stay, the newest. */
        long maxChanges();

        /** How often old changes are removed. */
        Duration pruneInterval();

        /** Rows removed per transaction. */
        int pruneChunk();
    }

    /**
     * The rehearsal of the timeline path at start-up (read, order, apply in a transaction that is rolled back, encode
     * the stream frames), so that the first real change does not pay for loading and first-running that code.
     */
    interface Warmup {

        @WithDefault("true")
        boolean enabled();

        /** Sample changes read and encoded: enough for the JIT's first tier to compile the hottest steps. */
        @WithDefault("200")
        int rounds();

        /** Sample changes applied (then rolled back) in the rehearsed transaction. */
        @WithDefault("20")
        int batchSize();
    }
}
