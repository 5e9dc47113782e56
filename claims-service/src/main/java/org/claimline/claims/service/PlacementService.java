package org.claimline.claims.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.claimline.claims.config.ClaimsConfig;
import org.claimline.claims.domain.Placer;
import org.claimline.claims.repository.DatabaseProbe;
import org.claimline.contracts.PostAccepted;
import org.jboss.logging.Logger;

/**
 * Places a batch of valid posts in one transaction, waiting out database outages (retry with back-off, never give a
 * post up while the database is away) and, only when the database answers but refuses the batch, finding the posts
 * at fault one by one so that they alone are rejected.
 */
// started eagerly so that its meters are on /q/metrics from the start
@Startup
@ApplicationScoped
public class PlacementService {

    private static final Logger LOG = Logger.getLogger(PlacementService.class);

    private final PlacementWriter writer;
    private final PlacerState state;
    private final DatabaseProbe database;
    private final ClaimsConfig config;
    private final Counter placed;
    private final Counter rejected;
    private final Timer batchTimer;

    public PlacementService(PlacementWriter writer, PlacerState state, DatabaseProbe database, ClaimsConfig config,
            MeterRegistry registry) {
        this.writer = writer;
        this.state = state;
        this.database = database;
        this.config = config;
        this.placed = registry.counter("claimline.claims.posts.placed");
        this.rejected = registry.counter("claimline.claims.posts.rejected");
        this.batchTimer = registry.timer("claimline.claims.batch.write");
    }

    /** Places what can be placed; returns the posts the database refused, each with the reason. */
    public List<Rejected> placeAll(List<PostAccepted> posts) {
        if (posts.isEmpty()) {
            return List.of();
        }
        Backoff backoff = backoff();
        while (true) {
            Placer placer = placer(backoff);
            try {
                int count = batchTimer.record(() -> writer.write(posts, placer));
                placed.increment(count);
                return List.of();
            } catch (RuntimeException e) {
                state.invalidate();
                if (!isDataFailure(e)) {
                    LOG.warnf("database unavailable, batch of %d posts retried in %s ms: %s", posts.size(),
                            backoff.current().toMillis(), Failures.rootMessage(e));
                    if (!backoff.pause()) {
                        throw new IllegalStateException("interrupted while waiting for the database", e);
                    }
                    continue;
                }
                LOG.warnf("database refused a batch of %d posts (%s): placing them one by one", posts.size(),
                        Failures.rootMessage(e));
                return isolate(posts);
            }
        }
    }

    private List<Rejected> isolate(List<PostAccepted> posts) {
        List<Rejected> refused = new ArrayList<>();
        Backoff backoff = backoff();
        for (PostAccepted post : posts) {
            while (true) {
                Placer placer = placer(backoff);
                try {
                    placed.increment(writer.write(List.of(post), placer));
                    break;
                } catch (RuntimeException e) {
                    state.invalidate();
                    if (!isDataFailure(e)) {
                        if (!backoff.pause()) {
                            throw new IllegalStateException("interrupted while waiting for the database", e);
                        }
                        continue;
                    }
                    rejected.increment();
                    refused.add(new Rejected(post, Failures.rootMessage(e)));
                    break;
                }
            }
        }
        return refused;
    }

    /**
     * The placer, rebuilt from the database when needed. A failed rebuild is never the fault of the posts waiting:
     * it is retried with back-off (the database may be away, or the placer broken: then the logs say so and nothing
     * is dead-lettered).
     */
    private Placer placer(Backoff backoff) {
        while (true) {
            try {
                return state.placer();
            } catch (RuntimeException e) {
                state.invalidate();
                LOG.errorf("cannot rebuild the placer from the database, retried in %d ms: %s",
                        backoff.current().toMillis(), Failures.rootMessage(e));
                if (!backoff.pause()) {
                    throw new IllegalStateException("interrupted while rebuilding the placer", e);
                }
            }
        }
    }

    /** A failure lies in the data when the database says so, or when it is no outage and the database answers. */
    private boolean isDataFailure(RuntimeException e) {
        return Failures.isBadData(e) || !Failures.isTransient(e) && database.reachable();
    }

    private Backoff backoff() {
        return new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
    }

    /** A post the database would not store, and why. */
    public record Rejected(PostAccepted post, String reason) {
    }
}
