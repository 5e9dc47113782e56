package org.claimline.web.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.claimline.web.config.WebConfig;
import org.claimline.web.repository.FeedRepository;
import org.jboss.logging.Logger;

/**
 * Keeps the SSE replay feed bounded: every change is stored for streams that resume with Last-Event-ID, and without
 * pruning the table would grow by about 2 KB per change for as long as the service runs. Changes older than the
 * configured age, and all but the newest configured number, leave oldest first, a chunk per transaction.
 */
@ApplicationScoped
public class FeedRetention {

    private static final Logger LOG = Logger.getLogger(FeedRetention.class);

    private final FeedRepository feed;
    private final WebConfig.Feed config;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public FeedRetention(FeedRepository feed, WebConfig config, Vertx vertx) {
        this.feed = feed;
        this.config = config.feed();
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.pruneInterval().toMillis(), id -> vertx.executeBlocking(() -> {
            pruneQuietly();
            return null;
        }, false));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void pruneQuietly() {
        try {
            long removed = prune();
            if (removed > 0) {
                LOG.debugf("removed %d changes from the replay feed", removed);
            }
        } catch (RuntimeException e) {
            // the database may be down for a while; the next round tries again
            LOG.warnf("pruning the replay feed failed: %s", e.getMessage());
        }
    }

    /** Removes what the feed no longer keeps; returns the number of changes removed (0 while another round runs). */
    public long prune() {
        return prune(config.maxAge(), config.maxChanges());
    }

    /** Removes the changes older than {@code maxAge} and all but the newest {@code maxChanges}. */
    public long prune(Duration maxAge, long maxChanges) {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            Instant before = clock.instant().minus(maxAge);
            long removed = 0;
            while (true) {
                long round = QuarkusTransaction.requiringNew().call(() -> {
                    long oldest = feed.oldestId();
                    long newest = feed.maxId();
                    if (oldest == 0 || oldest == newest) {
                        return 0L;
                    }
                    return (long) feed.deleteOldest(oldest, config.pruneChunk(), newest,
                            newest - maxChanges, before);
                });
                if (round == 0) {
                    return removed;
                }
                removed += round;
            }
        } finally {
            running.set(false);
        }
    }
}
