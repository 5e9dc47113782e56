package org.claimline.claims.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.claimline.claims.config.ClaimsConfig;
import org.claimline.claims.domain.PostValidator;
import org.claimline.claims.messaging.DeadLetter;
import org.claimline.claims.messaging.DeadLetterPublisher;
import org.claimline.contracts.ContractJson;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.Topics;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes accepted posts in batches on one thread: poison records (unreadable, invalid, or refused by the database)
 * go to the dead-letter topic, the rest is placed and stored in one transaction, and only then is the batch
 * acknowledged, so offsets are committed after the database commit (timeline changes leave through the outbox).
 */
@ApplicationScoped
public class PostConsumer {

    private static final Logger LOG = Logger.getLogger(PostConsumer.class);
    private static final String UNREADABLE = "deserialization";
    private static final String INVALID = "validation";
    private static final String REFUSED = "database";
    private static final long UNKNOWN_OFFSET = -1;

    private final PlacementService placements;
    private final DeadLetterPublisher deadLetters;
    private final OutboxRelay relay;
    private final PostValidator validator;
    private final ClaimsConfig config;
    private final Counter deadLettered;

    public PostConsumer(PlacementService placements, DeadLetterPublisher deadLetters, OutboxRelay relay,
            ClaimsConfig config, MeterRegistry registry) {
        this.placements = placements;
        this.deadLetters = deadLetters;
        this.relay = relay;
        this.config = config;
        this.validator = new PostValidator(config.posts().maxIdLength());
        this.deadLettered = registry.counter("claimline.claims.posts.dead_lettered");
    }

    @Incoming(Topics.POSTS)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, PostAccepted> batch) {
        List<PostAccepted> valid = new ArrayList<>();
        Map<String, KafkaRecord<String, PostAccepted>> recordOf = new HashMap<>();
        List<DeadLetter> poison = new ArrayList<>();
        for (KafkaRecord<String, PostAccepted> record : batch) {
            PostAccepted post = record.getPayload();
            if (post == null) {
                poison.add(unreadable(record));
                continue;
            }
            Optional<PostValidator.Violation> violation = validator.check(post);
            if (violation.isPresent()) {
                poison.add(letter(record, ContractJson.write(post), violation.get().toString(), INVALID,
                        violation.get().field()));
            } else {
                valid.add(post);
                recordOf.putIfAbsent(post.id(), record);
            }
        }
        for (PlacementService.Rejected r : placements.placeAll(valid)) {
            poison.add(letter(recordOf.get(r.post().id()), ContractJson.write(r.post()), r.reason(), REFUSED, null));
        }
        relay.wakeUp();
        sendDeadLetters(poison);
        return batch.ack();
    }

    private void sendDeadLetters(List<DeadLetter> poison) {
        if (poison.isEmpty()) {
            return;
        }
        Backoff backoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
        while (true) {
            try {
                deadLetters.send(poison, config.outbox().publishTimeout());
                deadLettered.increment(poison.size());
                poison.forEach(p -> LOG.warnf("post record %s-%d@%d sent to %s: %s", p.topic(), p.partition(),
                        p.offset(), Topics.POSTS_DLQ, p.reason()));
                return;
            } catch (RuntimeException e) {
                LOG.warnf("dead-letter topic unavailable, %d records retried: %s", poison.size(), e.getMessage());
                if (!backoff.pause()) {
                    throw new IllegalStateException("interrupted while waiting for the broker", e);
                }
            }
        }
    }

    private static DeadLetter unreadable(KafkaRecord<String, PostAccepted> record) {
        Headers headers = record.getHeaders();
        byte[] data = bytes(headers, DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA);
        byte[] reason = bytes(headers, DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON);
        String why = reason == null ? "empty record" : new String(reason, StandardCharsets.UTF_8);
        return letter(record, data, why, UNREADABLE, null);
    }

    private static DeadLetter letter(KafkaRecord<String, PostAccepted> record, byte[] value, String reason,
            String cause, String field) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getOffset).orElse(UNKNOWN_OFFSET);
        return new DeadLetter(record.getKey(), value, reason, cause, field, record.getTopic(), record.getPartition(),
                offset);
    }

    private static byte[] bytes(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null ? null : header.value();
    }
}
