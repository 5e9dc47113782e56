package org.claimline.claims.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.claimline.claims.config.ClaimsConfig;
import org.claimline.claims.domain.NearlyJoined;
import org.claimline.claims.domain.Placer;
import org.claimline.claims.repository.NearlyJoinedRepository;
import org.claimline.claims.repository.PostEntity;
import org.claimline.claims.repository.PostRepository;
import org.claimline.contracts.ContractJson;
import org.claimline.contracts.PostAccepted;
import org.jboss.logging.Logger;

/**
 * Holds the placer and its hot state, rebuilt from the database by replaying the latest placements in order: at
 * start-up, and after a batch whose transaction failed (the placer had already moved on in memory). Only the consumer
 * thread places posts; the lock only keeps an invalidation from another thread (a test, an editor action) safe.
 */
@ApplicationScoped
public class PlacerState {

    private static final Logger LOG = Logger.getLogger(PlacerState.class);

    private final PlacerFactory factory;
    private final PostRepository posts;
    private final NearlyJoinedRepository nearlyJoined;
    private final ClaimsConfig config;
    /** Volatile for the metrics thread, which reads the hot set's size; only the consumer thread places. */
    private volatile Placer placer;

    public PlacerState(PlacerFactory factory, PostRepository posts, NearlyJoinedRepository nearlyJoined,
            ClaimsConfig config, MeterRegistry registry) {
        this.factory = factory;
        this.posts = posts;
        this.nearlyJoined = nearlyJoined;
        this.config = config;
        Gauge.builder("claimline.claims.placer.hot.events", this, PlacerState::hotEvents)
                .description("events the placer holds in memory that posts can join on their words (the hot set, "
                        + "capped by claimline.grouping.maxHotEvents)")
                .register(registry);
    }

    /**
     * Builds the placer while the service starts, so the first post after a start is placed at once instead of
     * waiting for the engine and its replay; if the database is not reachable yet, the first batch builds it.
     */
    void onStart(@Observes StartupEvent event) {
        try {
            placer();
        } catch (RuntimeException e) {
            LOG.warnf("placer not built at start-up, the first batch will build it: %s", e.getMessage());
        }
    }

    /** The placer, rebuilt first when it is not current. */
    public synchronized Placer placer() {
        if (placer == null) {
            placer = rebuild();
        }
        return placer;
    }

    /** The hot set's size, 0 while no placer is built (it is never built here: a metrics scrape must not replay). */
    double hotEvents() {
        Placer current = placer;
        return current == null ? 0 : current.hotEvents();
    }

    /** Forgets the placer's state: the next call to {@link #placer()} rebuilds it from the database. */
    public synchronized void invalidate() {
        placer = null;
    }

    private Placer rebuild() {
        long started = System.nanoTime();
        Placer fresh = factory.create();
        ClaimsConfig.Placement settings = config.placement();
        long from = QuarkusTransaction.requiringNew().call(() -> posts.replayStart(settings.replayMaxPosts()));
        long replayed = 0;
        while (true) {
            long start = from;
            List<PostEntity> page = QuarkusTransaction.requiringNew()
                    .call(() -> posts.page(start, settings.replayPageSize()));
            for (PostEntity post : page) {
                fresh.restore(ContractJson.read(post.payload.getBytes(StandardCharsets.UTF_8),
                        PostAccepted.class), post.eventId, post.storylineId);
            }
            replayed += page.size();
            if (page.size() < settings.replayPageSize()) {
                break;
            }
            from = page.get(page.size() - 1).placement + 1;
        }
        List<NearlyJoined> pairs = QuarkusTransaction.requiringNew().call(nearlyJoined::unmerged);
        for (NearlyJoined pair : pairs) {
            fresh.restoreNearlyJoined(pair);
        }
        LOG.infof("placer %s rebuilt from %d placements and %d nearly-joined pairs in %d ms", fresh.name(), replayed,
                pairs.size(), (System.nanoTime() - started) / 1_000_000);
        return fresh;
    }
}
