package org.claimline.claims.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.OnOverflow;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.claimline.contracts.Topics;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes timeline changes keyed by event id and waits for the broker's acknowledgements (acks=all, idempotent
 * producer: see application.properties), so the outbox relay deletes only what the broker holds.
 */
@ApplicationScoped
public class TimelinePublisher {

    private static final Logger LOG = Logger.getLogger(TimelinePublisher.class);

    private final MutinyEmitter<byte[]> emitter;

    /**
     * One timeline change as stored in the outbox: its event id (the record key) and its JSON, sent as stored, since
     * parsing and writing it again would cost the relay more than the broker round trip.
     */
    public record Change(String eventId, byte[] json) {
    }

    // The relay bounds what is in flight (one round at a time), so the emitter's buffer never grows past one round.
    public TimelinePublisher(@Channel(Topics.TIMELINE) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
            MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /**
     * Sends the changes in order and waits up to {@code timeout} for their acknowledgements; returns how many, counted
     * from the first, the broker acknowledged (a change after an unacknowledged one is not counted: it is sent again).
     */
    public int publish(List<Change> changes, Duration timeout) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(changes.size());
        for (Change change : changes) {
            acks.add(emitter.sendMessage(KafkaRecord.of(change.eventId(), change.json())).subscribeAsCompletionStage());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int acknowledged = 0;
        for (CompletableFuture<Void> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("timeline change not acknowledged by the broker (%s); %d of %d acknowledged, the rest is retried",
                        e.getCause() == null ? e.toString() : e.getCause().getMessage(), acknowledged, changes.size());
                break;
            }
        }
        return acknowledged;
    }
}
