package org.claimline.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every ingest-service setting under {@code claimline.*}, so that no limit or timeout is a magic number in code. */
@ConfigMapping(prefix = "claimline")
public interface IngestConfig {

    Auth auth();

    Media media();

    Posts posts();

    PostLog postLog();

    Broker broker();

    Database database();

    Batch batch();

    RateLimit rateLimit();

    Warmup warmup();

    /** The repository root, which the build passes to tests as a system property; unused by the service itself. */
    Optional<String> root();

    /** API keys: from key files (one key per line) and/or comma-separated lists (compose secrets). */
    interface Auth {

        Optional<Path> ingestKeyFile();

        Optional<Path> editorKeyFile();

        Optional<List<String>> ingestKeys();

        Optional<List<String>> editorKeys();
    }

    /** Where media bytes live and how large an image may be. */
    interface Media {

        Path dir();

        /** Largest image upload in bytes. */
        @WithDefault("20000000")
        long maxBytes();

        /** Largest width x height, checked on the header before any decoding. */
        @WithDefault("50000000")
        long maxPixels();

        /** Longer side of thumbnails, in pixels. */
        @WithDefault("320")
        int thumbnailSide();

        /** Fingerprints kept in memory for posts that reference media. */
        @WithDefault("50000")
        int catalogCacheSize();

        /** Media parts one multipart post may carry. */
        @WithDefault("10")
        int maxPerPost();
    }

    /** The POST path: how long to wait for the broker and what to tell clients when it cannot accept. */
    interface Posts {

        /** Longest wait for the broker's acknowledgement before a 503; the producer's own timeouts end earlier. */
        @WithDefault("4500ms")
        Duration publishTimeout();

        /** Seconds a client is told to wait (Retry-After) when a post cannot be accepted durably right now. */
        @WithDefault("2")
        int retryAfterSeconds();

        /** Largest JSON body of one post. */
        @WithDefault("262144")
        int maxBodyBytes();

        /**
         * Posts in flight (each request's expected posts from its arrival to its answer) beyond which a new post request
         * is refused at once with 503 + Retry-After; see {@code PostsInFlight} for why posts and how they are counted.
         */
        @WithDefault("2000")
        long maxInFlight();

        /** Seconds a client refused for overload is told to wait (Retry-After). */
        @WithDefault("2")
        int overloadRetryAfterSeconds();
    }

    /** Requests per API key (a batch counts as one request). */
    interface RateLimit {

        /** Sustained requests per second per key; far above what one newsroom tool sends, a guard against runaways. */
        @WithDefault("20000")
        long requestsPerSecond();

        /** Requests a key may send at once before the sustained rate applies. */
        @WithDefault("20000")
        long burst();
    }

    /** The NDJSON batch endpoint. */
    interface Batch {

        /** Posts per batch request; larger imports send several batches. */
        @WithDefault("100000")
        int maxLines();

        /** Posts of one batch waiting for the broker's acknowledgement at once. */
        @WithDefault("512")
        int inFlight();

        /**
         * Bytes of a typical NDJSON line, to estimate a batch's posts from its declared length when it arrives (its
         * weight against {@code claimline.posts.max-in-flight}, at most {@link #inFlight()}); posts seen so far run
         * 300-700 bytes a line.
         */
        @WithDefault("400")
        int expectedLineBytes();
    }

    /** How ingest notices that the broker is back after an outage. */
    interface Broker {

        /** Pause between probes of a broker that failed; also the longest a recovered broker waits to be noticed. */
        @WithDefault("500ms")
        Duration probeInterval();

        @WithDefault("1s")
        Duration probeTimeout();
    }

    /** How ingest notices that its database is back after an outage. */
    interface Database {

        /** Pause between probes of a database that failed; also the longest a recovered database waits to be noticed. */
        @WithDefault("500ms")
        Duration probeInterval();

        /** How long one probe waits for the database's answer. */
        @WithDefault("1s")
        Duration probeTimeout();
    }

    /** The in-process batch writer of the post log (one transaction per batch, never one per post). */
    interface PostLog {

        @WithDefault("500")
        int batchSize();

        /** Rows waiting to be written; when full, new posts are refused with 503 rather than buffered without end. */
        @WithDefault("20000")
        int queueCapacity();

        /** Pause between attempts while the database refuses a batch. */
        @WithDefault("500ms")
        Duration retryBackoff();
    }

    /**
     * The rehearsal of the post path at start-up (parse, validate, serialize, broker metadata), so that the first
     * real post does not pay for loading and first-running that code; nothing is published or stored.
     */
    interface Warmup {

        @WithDefault("true")
        boolean enabled();

        /** Times the in-process steps run: enough for the JIT's first tier to compile the hottest of them. */
        @WithDefault("200")
        int rounds();

        /** Longest wait for the broker's metadata; a broker that is down only makes the first post slower. */
        @WithDefault("5s")
        Duration brokerTimeout();
    }
}
