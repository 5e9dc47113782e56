package org.claimline.web.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.claimline.contracts.ContractJson;
import org.claimline.contracts.TimelineChanged;
import org.claimline.contracts.Topics;
import org.claimline.web.config.WebConfig;
import org.claimline.web.domain.ChangeCheck;
import org.claimline.web.domain.ReceivedChange;
import org.claimline.web.service.FeedHub;
import org.claimline.web.service.TimelineApplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code claimline.timeline.v1} in batches: each batch is applied in one database transaction, poison
 * records go to the DLQ (acknowledged by the broker), then the batch's offsets are acknowledged and the committed
 * feed rows are broadcast to open streams. While the database is unreachable the same batch is retried with
 * back-off: never sent to the DLQ, never dropped.
 */
@ApplicationScoped
public class TimelineConsumer {

    private static final Logger LOG = Logger.getLogger(TimelineConsumer.class);

    private final TimelineApplier applier;
    private final DeadLetterPublisher deadLetters;
    private final FeedHub hub;
    private final WebConfig config;
    /** One writer thread: batches are applied strictly one after another, in the order they were polled. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "timeline-writer");
        thread.setDaemon(true);
        return thread;
    });

    public TimelineConsumer(TimelineApplier applier, DeadLetterPublisher deadLetters, FeedHub hub, WebConfig config) {
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.hub = hub;
        this.config = config;
    }

    /** A record that cannot be used, with what the DLQ needs. */
    private record Poison(String key, byte[] value, String reason, int partition, long offset) {
    }

    @Incoming(Topics.TIMELINE)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return Uni.createFrom().item(() -> apply(batch))
                .runSubscriptionOn(writer)
                .chain(this::deadLetter)
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** Sends poison records to the DLQ and completes once the broker has them all; retried, never skipped. */
    private Uni<Void> deadLetter(List<Poison> poison) {
        if (poison.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(poison.stream()
                        .map(p -> deadLetters.send(p.key(), p.value(), p.reason(), p.partition(), p.offset()))
                        .toList())
                .andFailFast().replaceWithVoid()
                .onFailure().retry().withBackOff(config.timeline().retryInitial(), config.timeline().retryMax())
                .indefinitely();
    }

    private List<Poison> apply(KafkaRecordBatch<String, byte[]> batch) {
        List<Poison> poison = new ArrayList<>();
        List<ReceivedChange> changes = new ArrayList<>();
        // by identity: a record's hashCode walks the whole change (post text, media, signals) for every lookup
        Map<TimelineChanged, KafkaRecord<String, byte[]>> origin = new IdentityHashMap<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            ReceivedChange received;
            try {
                received = ReceivedChange.read(record.getPayload());
            } catch (IllegalArgumentException | UncheckedIOException e) {
                poison.add(new Poison(record.getKey(), record.getPayload(), e.getMessage(), record.getPartition(),
                        offset(record)));
                continue;
            }
            if (!ChangeCheck.orderable(received.change())) {
                poison.add(new Poison(record.getKey(), record.getPayload(),
                        "change has no event id or a negative sequence", record.getPartition(), offset(record)));
            } else {
                changes.add(received);
                origin.put(received.change(), record);
            }
        }
        if (changes.isEmpty()) {
            return poison;
        }
        TimelineApplier.Result result = applyWithRetry(changes);
        for (TimelineApplier.Rejected rejected : result.rejected()) {
            KafkaRecord<String, byte[]> record = origin.get(rejected.change());
            LOG.warnf("timeline change %s #%d goes to the DLQ: %s", rejected.change().eventId(),
                    rejected.change().sequence(), rejected.reason());
            // the record as it came; a change held earlier and read back from the database has none
            poison.add(new Poison(rejected.change().eventId(),
                    record == null ? ContractJson.write(rejected.change()) : record.getPayload(),
                    rejected.reason(), record == null ? -1 : record.getPartition(),
                    record == null ? -1 : offset(record)));
        }
        hub.publish(result.feed());
        return poison;
    }

    private TimelineApplier.Result applyWithRetry(List<ReceivedChange> changes) {
        Duration pause = config.timeline().retryInitial();
        while (true) {
            try {
                return applier.apply(changes);
            } catch (Exception e) {
                LOG.warnf("read model unavailable (%s); retrying the batch of %d in %d ms", e.getMessage(),
                        changes.size(), pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the database", interrupted);
                }
                pause = pause.multipliedBy(2).compareTo(config.timeline().retryMax()) > 0
                        ? config.timeline().retryMax() : pause.multipliedBy(2);
            }
        }
    }

    private static long offset(KafkaRecord<String, byte[]> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
    }
}
