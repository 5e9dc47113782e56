package org.claimline.web.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.claimline.contracts.Topics;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes timeline records web-service cannot apply to {@code claimline.timeline.v1.dlq}, the reason in headers. */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String HEADER_REASON = "dlq-reason";
    public static final String HEADER_TOPIC = "dlq-original-topic";
    public static final String HEADER_PARTITION = "dlq-original-partition";
    public static final String HEADER_OFFSET = "dlq-original-offset";

    private final MutinyEmitter<byte[]> emitter;

    public DeadLetterPublisher(@Channel(Topics.TIMELINE_DLQ) MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker has acknowledged the dead letter (acks=all). */
    public Uni<Void> send(String key, byte[] value, String reason, int partition, long offset) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_TOPIC, Topics.TIMELINE.getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_PARTITION, Integer.toString(partition).getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_OFFSET, Long.toString(offset).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(value == null ? new byte[0] : value).addMetadata(metadata));
    }
}
