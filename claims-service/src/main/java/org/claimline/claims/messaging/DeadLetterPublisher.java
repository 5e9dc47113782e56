package org.claimline.claims.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.OnOverflow;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.OutgoingKafkaRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.claimline.contracts.Topics;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Sends poison posts to {@code claimline.posts.v1.dlq} with the error in headers and waits for the broker's
 * acknowledgement, so a poison record's offset is committed only once its dead letter is safe.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String FIELD = "dead-letter-field";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private final MutinyEmitter<byte[]> emitter;

    public DeadLetterPublisher(@Channel(Topics.POSTS_DLQ) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
            MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Sends them all and waits for every acknowledgement; throws when one is not acknowledged within the timeout. */
    public void send(List<DeadLetter> letters, Duration timeout) {
        if (letters.isEmpty()) {
            return;
        }
        List<Uni<Void>> acks = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            OutgoingKafkaRecord<String, byte[]> record = KafkaRecord.of(letter.key(), letter.value())
                    .withHeader(REASON, letter.reason())
                    .withHeader(CAUSE, letter.cause())
                    .withHeader(TOPIC, letter.topic())
                    .withHeader(PARTITION, Integer.toString(letter.partition()))
                    .withHeader(OFFSET, Long.toString(letter.offset()));
            if (letter.field() != null) {
                record = record.withHeader(FIELD, letter.field());
            }
            acks.add(emitter.sendMessage(record));
        }
        Uni.join().all(acks).andFailFast().await().atMost(timeout);
    }
}
