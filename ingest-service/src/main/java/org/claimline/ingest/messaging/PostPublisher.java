package org.claimline.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.Topics;
import org.claimline.ingest.config.IngestConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes accepted posts to {@code claimline.posts.v1}, keyed by post id; the returned Uni completes only when the
 * broker acknowledged the record (acks=all, idempotent producer), which is what a 202 promises.
 */
@ApplicationScoped
public class PostPublisher {

    /** Records waiting for the sink; the producer's own buffer and timeouts bound them long before this fills. */
    private static final long EMITTER_BUFFER = 65_536;

    private final MutinyEmitter<PostAccepted> emitter;
    private final BrokerGate gate;
    private final Duration ackTimeout;

    public PostPublisher(@Channel(Topics.POSTS) @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = EMITTER_BUFFER) MutinyEmitter<PostAccepted> emitter, BrokerGate gate, IngestConfig config) {
        this.emitter = emitter;
        this.gate = gate;
        this.ackTimeout = config.posts().publishTimeout();
    }

    /**
     * Completes on the broker's acknowledgement; fails with {@link BrokerUnavailableException} at once while the broker
     * is known to be down, or when it refuses or does not acknowledge within the publish timeout.
     */
    public Uni<Void> publish(PostAccepted post) {
        if (!gate.isOpen()) {
            return Uni.createFrom().failure(new BrokerUnavailableException("the message broker is unavailable", null));
        }
        Message<PostAccepted> message = Message.of(post)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(post.id()).build());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .ifNoItem().after(ackTimeout).fail()
                .onFailure().transform(e -> {
                    gate.failed(e);
                    return new BrokerUnavailableException("the message broker did not acknowledge the post", e);
                });
    }
}
