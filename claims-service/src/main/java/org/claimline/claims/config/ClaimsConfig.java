package org.claimline.claims.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Every claims-service setting under {@code claimline.*}; the values and their reasons are in application.properties. */
@ConfigMapping(prefix = "claimline")
public interface ClaimsConfig {

    /** The repository root, which the build passes to tests as a system property; unused by the service itself. */
    Optional<String> root();

    /** The data folder the launcher passes (CLAIMLINE_HOME); unused by claims so far. */
    Optional<String> home();

    Placement placement();

    /**
     * Grouping engine settings that differ from the engine's documented defaults, by their record component name
     * (e.g. {@code claimline.grouping.joinThreshold=0.3}); none by default.
     */
    Map<String, String> grouping();

    Outbox outbox();

    Retry retry();

    Posts posts();

    Warmup warmup();

    /** How posts are placed until (and besides) the grouping engine. */
    interface Placement {

        /** Which placer runs: the grouping engine, or the foundation's simple place-and-time rule. */
        @WithDefault("engine")
        Rule rule();

        /** Grid cell size of the simple rule, in degrees. */
        double cellDegrees();

        /** Posts this close in time to an event's latest post join it under the simple rule. */
        Duration window();

        /** Places the simple rule remembers (least recently active forgotten first). */
        int maxPlaces();

        /** Most recent placements replayed into the placer at start-up to rebuild its hot state. */
        int replayMaxPosts();

        /** Placements read per page while replaying. */
        int replayPageSize();
    }

    /** The placement rules claims can run. */
    enum Rule {
        ENGINE, SIMPLE
    }

    /** The transactional outbox relay that publishes timeline changes. */
    interface Outbox {

        /** Outbox rows published per round (one broker round trip, one delete). */
        int batchSize();

        /** How long the relay sleeps when nothing woke it, to pick up rows left by a crash. */
        Duration pollInterval();

        /** Longest wait for the broker to acknowledge one round before it is retried. */
        Duration publishTimeout();
    }

    /** Back-off while the database or the broker is unreachable. */
    interface Retry {

        Duration initialBackoff();

        Duration maxBackoff();
    }

    /** Limits on incoming posts. */
    interface Posts {

        @WithDefault("128")
        int maxIdLength();
    }

    /**
     * The rehearsal of the placement path at start-up (read, validate, place, write in a transaction that is rolled
     * back, broker metadata), so that the first real post does not pay for loading and first-running that code.
     */
    interface Warmup {

        @WithDefault("true")
        boolean enabled();

        /** Posts placed by the throwaway placer: enough for the JIT's first tier to compile the hottest steps. */
        @WithDefault("200")
        int rounds();

        /** Posts written (then rolled back) in the rehearsed transaction. */
        @WithDefault("20")
        int batchSize();

        /** Longest wait for the broker's metadata; a broker that is down only makes the first post slower. */
        @WithDefault("5s")
        Duration brokerTimeout();
    }
}
