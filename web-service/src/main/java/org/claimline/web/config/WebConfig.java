package org.claimline.web.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Every web-service setting under {@code claimline.*}, so that no number or URL hides in code. */
@ConfigMapping(prefix = "claimline")
public interface WebConfig {

    Service ingest();

    Service claims();

    Timeline timeline();

    Page page();

    Sse sse();

    /** Another Claimline service that web-service proxies to, so the browser sees one origin. */
    interface Service {
        String url();
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
}
