package org.claimline.claims.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.claimline.claims.config.ClaimsConfig;
import org.claimline.claims.domain.Placer;
import org.claimline.claims.domain.PostValidator;
import org.claimline.claims.repository.PostRepository;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.Topics;
import org.claimline.contracts.kafka.PostAcceptedDeserializer;
import org.jboss.logging.Logger;

/**
 * Rehearses the placement path once the service has started: a fresh JVM otherwise spends over a second of the first
 * post loading and first-running the deserializer, the engine, Hibernate's writes and the relay's producer. The
 * rehearsal places sample posts with a throwaway placer (the real one is untouched) and writes them in a transaction
 * that is rolled back, so nothing is stored and nothing published.
 */
@ApplicationScoped
public class Warmup {

    private static final Logger LOG = Logger.getLogger(Warmup.class);
    static final String SAMPLE = "/warmup/post.json";

    private final PlacerFactory placers;
    private final PlacementWriter writer;
    private final PostRepository posts;
    private final KafkaClientService kafka;
    private final PostValidator validator;
    private final ClaimsConfig.Warmup config;

    public Warmup(PlacerFactory placers, PlacementWriter writer, PostRepository posts, KafkaClientService kafka,
            ClaimsConfig config) {
        this.placers = placers;
        this.writer = writer;
        this.posts = posts;
        this.kafka = kafka;
        this.validator = new PostValidator(config.posts().maxIdLength());
        this.config = config.warmup();
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "start-up rehearsal of the placement path failed; the first post will be slower");
        }
    }

    /**
     * Runs the rehearsal; returns how many sample posts were written and rolled back (0 when the database is still
     * away: that part, like the broker's, is logged and skipped). The in-process steps throw if they fail.
     */
    public int run() {
        long started = System.nanoTime();
        List<PostAccepted> samples = samples();
        Placer placer = placers.create();
        for (PostAccepted post : samples) {
            validator.check(post).ifPresent(v -> {
                throw new IllegalStateException("the rehearsal's sample post is invalid: " + v);
            });
            placer.place(post);
        }
        List<PostAccepted> batch = samples.subList(0, Math.min(config.batchSize(), samples.size()));
        int written = 0;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                int count = writer.write(batch, placers.create());
                posts.flush();
                throw new RolledBack(count);
            });
        } catch (RolledBack rolledBack) {
            written = rolledBack.written;
        } catch (RuntimeException e) {
            LOG.warnf("start-up rehearsal: placement write not rehearsed (%s)", Failures.rootMessage(e));
        }
        try {
            kafka.getProducer(Topics.TIMELINE).partitionsFor(Topics.TIMELINE).await().atMost(config.brokerTimeout());
        } catch (RuntimeException e) {
            LOG.warnf("start-up rehearsal: broker metadata not fetched (%s)", Failures.rootMessage(e));
        }
        LOG.infof("placement path rehearsed in %d ms", (System.nanoTime() - started) / 1_000_000);
        return written;
    }

    /** The sample read as the consumer reads a record, once per round, each with an id no real post has. */
    List<PostAccepted> samples() {
        byte[] sample = sample();
        String run = "warmup-" + UUID.randomUUID() + "-";
        List<PostAccepted> samples = new ArrayList<>(config.rounds());
        try (PostAcceptedDeserializer deserializer = new PostAcceptedDeserializer()) {
            for (int i = 0; i < config.rounds(); i++) {
                PostAccepted p = deserializer.deserialize(Topics.POSTS, sample);
                samples.add(new PostAccepted(p.schemaVersion(), run + i, p.platform(), p.externalId() + i, p.url(),
                        p.author(), p.text(), p.lang(), p.postedAt().plusSeconds(i), p.acceptedAt().plusSeconds(i),
                        p.place(), p.media(), p.tags(), p.inReplyTo()));
            }
        }
        return samples;
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

    /** Ends the rehearsed transaction: an exception is what makes it roll back. */
    private static final class RolledBack extends RuntimeException {
        private final int written;

        RolledBack(int written) {
            super("rehearsal rolled back", null, false, false);
            this.written = written;
        }
    }
}
