package org.claimline.claims.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.claimline.claims.config.ClaimsConfig;
import org.claimline.claims.messaging.TimelinePublisher;
import org.claimline.claims.repository.OutboxRepository;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to {@code claimline.timeline.v1} in key order on one thread: a round reads the oldest rows,
 * sends them, waits for the broker's acknowledgements and deletes the acknowledged rows in the same transaction. A
 * crash between publish and delete publishes a change twice (same event, same sequence: consumers skip it); a change
 * is never lost, because its row was committed with the placement that caused it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key held by the relaying instance (any fixed number, the same in every instance). */
    private static final long RELAY_LOCK = 0x636c61696d73L;

    private final OutboxRepository outbox;
    private final TimelinePublisher publisher;
    private final ClaimsConfig config;
    private final Semaphore wake = new Semaphore(0);
    private final Counter published;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(OutboxRepository outbox, TimelinePublisher publisher, ClaimsConfig config,
            MeterRegistry registry) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config;
        this.published = registry.counter("claimline.claims.timeline.published");
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "claims-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(config.outbox().publishTimeout().toMillis());
        }
    }

    /** Tells the relay that new rows were committed. */
    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        Backoff backoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
        while (running) {
            Round round;
            try {
                round = relayOnce();
            } catch (RuntimeException e) {
                round = Round.FAILED;
                if (running) {
                    LOG.warnf("outbox relay round failed, retried in %d ms: %s", backoff.current().toMillis(),
                            Failures.rootMessage(e));
                }
            }
            if (round == Round.FAILED) {
                if (!backoff.pause()) {
                    return;
                }
                continue;
            }
            backoff.reset();
            if (round == Round.EMPTY) {
                try {
                    wake.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private Round relayOnce() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!outbox.tryRelayLock(RELAY_LOCK)) {
                return Round.EMPTY;
            }
            List<OutboxRepository.Pending> rows = outbox.oldest(config.outbox().batchSize());
            if (rows.isEmpty()) {
                return Round.EMPTY;
            }
            List<TimelinePublisher.Change> changes = new ArrayList<>(rows.size());
            for (OutboxRepository.Pending row : rows) {
                byte[] payload = row.payload().getBytes(StandardCharsets.UTF_8);
                changes.add(new TimelinePublisher.Change(row.eventId(), payload));
            }
            // sent with the transaction suspended: the emitter would otherwise carry its context to the producer's
            // callback thread, and a commit while that thread was still in it failed ("multiple threads active"),
            // so the round was rolled back and published again
            int acknowledged = QuarkusTransaction.suspendingExisting()
                    .call(() -> publisher.publish(changes, config.outbox().publishTimeout()));
            List<Long> done = new ArrayList<>(acknowledged);
            for (int i = 0; i < acknowledged; i++) {
                done.add(rows.get(i).id());
            }
            outbox.deleteByIds(done);
            published.increment(acknowledged);
            return acknowledged == rows.size() ? Round.FULL : Round.FAILED;
        });
    }

    private enum Round {
        EMPTY, FULL, FAILED
    }
}
