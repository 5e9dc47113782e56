package org.claimline.web.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.claimline.contracts.ContractJson;
import org.claimline.contracts.TimelineChanged;
import org.claimline.web.config.WebConfig;
import org.claimline.web.domain.ChangeCheck;
import org.claimline.web.domain.FeedBatch;
import org.claimline.web.domain.ReceivedChange;
import org.jboss.logging.Logger;

/**
 * Rehearses the timeline path once the service has started and before it listens: a fresh JVM otherwise spends a
 * good part of a second of the first change loading and first-running the deserializer, the read-model writes and
 * the stream encoding. The sample changes are applied in a transaction that is rolled back and handed to no stream.
 */
@ApplicationScoped
public class Warmup {

    private static final Logger LOG = Logger.getLogger(Warmup.class);
    static final String SAMPLE = "/warmup/change.json";
    /** Every id in the sample starts with this; each round gets its own. */
    private static final String ID_PREFIX = "warmup-";

    private final TimelineApplier applier;
    private final WebConfig.Warmup config;

    public Warmup(TimelineApplier applier, WebConfig config) {
        this.applier = applier;
        this.config = config.warmup();
    }

    // the HTTP server opens after start-up observers return, so no stream connects before the rehearsal ends
    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "start-up rehearsal of the timeline path failed; the first change will be slower");
        }
    }

    /**
     * Runs the rehearsal; returns how many sample changes were applied and rolled back (0 when the database is still
     * away: that part is logged). The in-process steps throw if they fail.
     */
    public int run() {
        long started = System.nanoTime();
        List<ReceivedChange> changes = samples();
        for (ReceivedChange change : changes) {
            if (!ChangeCheck.orderable(change.change())) {
                throw new IllegalStateException("the rehearsal's sample change is not orderable");
            }
        }
        int applied = 0;
        try {
            TimelineApplier.Result result = applier.rehearse(
                    changes.subList(0, Math.min(config.batchSize(), changes.size())));
            FeedBatch batch = new FeedBatch(result.feed());
            batch.frames(null);
            batch.frames(changes.get(0).change().eventId());
            applied = result.feed().size();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("start-up rehearsal: read-model write not rehearsed (%s)", e.getMessage());
        }
        LOG.infof("timeline path rehearsed in %d ms", (System.nanoTime() - started) / 1_000_000);
        return applied;
    }

    /** The sample read as the consumer reads a record, once per round, each with ids no real change has. */
    List<ReceivedChange> samples() {
        // compact, as claims-service writes it, so that the rehearsal takes the consumer's usual path
        String sample = new String(ContractJson.write(ContractJson.read(sample(), TimelineChanged.class)),
                StandardCharsets.UTF_8);
        String run = ID_PREFIX + UUID.randomUUID() + "-";
        List<ReceivedChange> changes = new ArrayList<>(config.rounds());
        for (int i = 0; i < config.rounds(); i++) {
            byte[] round = sample.replace(ID_PREFIX, run + i + "-").getBytes(StandardCharsets.UTF_8);
            changes.add(ReceivedChange.read(round));
        }
        return changes;
    }

    static byte[] sample() {
        try (InputStream in = Warmup.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is missing from the service's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
