package org.claimline.ingest.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.Topics;
import org.claimline.contracts.kafka.ContractSerializer;
import org.claimline.ingest.config.IngestConfig;
import org.claimline.ingest.domain.ApiKeys;
import org.claimline.ingest.domain.PostJson;
import org.claimline.ingest.domain.PostSubmission;
import org.claimline.ingest.domain.PostValidator;
import org.claimline.ingest.repository.PostLogRepository;
import org.jboss.logging.Logger;

/**
 * Rehearses the post path once the service has started and before it listens: a fresh JVM otherwise spends about a
 * second of the first post loading and first-running the parser, validator, serializers and the producer's metadata
 * lookup, which the first post after {@code ./claimline up} must not pay. Nothing is published and nothing stored.
 */
@ApplicationScoped
public class Warmup {

    private static final Logger LOG = Logger.getLogger(Warmup.class);
    static final String SAMPLE = "/warmup/post.json";
    /** A key that no client can send (Idempotency-Keys are printable), so the look-up finds nothing. */
    private static final String UNUSED_KEY = "\u0001warmup";
    private static final String POSTS_PATH = "/api/v1/posts";
    private static final String TEXT = "text";

    private final PostValidator validator;
    private final PostService posts;
    private final PostLogRepository postLog;
    private final KafkaClientService kafka;
    private final IngestConfig.Warmup config;
    private final IngestConfig.Auth auth;
    private volatile boolean requestRehearsed;
    private volatile long startedNanos = System.nanoTime();

    public Warmup(PostValidator validator, PostService posts, PostLogRepository postLog, KafkaClientService kafka,
            IngestConfig config) {
        this.validator = validator;
        this.posts = posts;
        this.postLog = postLog;
        this.kafka = kafka;
        this.config = config.warmup();
        this.auth = config.auth();
    }

    // the HTTP server opens after start-up observers return, so no request can arrive before the rehearsal ends
    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "start-up rehearsal of the post path failed; the first post will be slower");
        } finally {
            startedNanos = System.nanoTime();
        }
    }

    /**
     * Runs the rehearsal: the in-process steps throw if they fail; the broker and database parts, which may still be
     * away, are logged and skipped.
     */
    public void run() {
        long started = System.nanoTime();
        byte[] sample = sample();
        try (Serializer<PostAccepted> serializer = new ContractSerializer<>()) {
            for (int i = 0; i < config.rounds(); i++) {
                PostSubmission submission = validator.validate(PostJson.parse(sample));
                String id = PostService.idOf(submission);
                PostAccepted record = posts.recordOf(submission, List.of(), id);
                serializer.serialize(Topics.POSTS, record);
                PostService.logRowOf(record, null, PostService.requestHashOf(submission));
            }
        }
        try {
            postLog.findKeyUse(UNUSED_KEY);
        } catch (RuntimeException e) {
            LOG.warnf("start-up rehearsal: post log not reachable yet (%s)", e.getMessage());
        }
        try {
            kafka.getProducer(Topics.POSTS).partitionsFor(Topics.POSTS).await().atMost(config.brokerTimeout());
        } catch (RuntimeException e) {
            LOG.warnf("start-up rehearsal: broker metadata not fetched (%s)", e.getMessage());
        }
        LOG.infof("post path rehearsed in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Once the server listens, sends it one post that the validator refuses at its last rule (no text, no media), so
     * that the HTTP layer, the key filter, the rate limiter and the error mapping have run once too; readiness waits
     * for it. Nothing is published: the answer is a 422.
     */
    void onHttpStart(@ObservesAsync HttpServerStart start) {
        if (!config.enabled()) {
            return;
        }
        try {
            int status = rehearseRequest(start.options().getPort());
            LOG.infof("post request rehearsed (answered %d)", status);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("start-up rehearsal: request not sent (%s)", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            requestRehearsed = true;
        }
    }

    /**
     * Whether the service may be called ready: the request rehearsal is over, there is none, or it has not been
     * answered within the broker timeout after start-up (a server that never announced its start must not stay
     * unready for that).
     */
    public boolean isDone() {
        return !config.enabled() || requestRehearsed
                || System.nanoTime() - startedNanos > config.brokerTimeout().toNanos();
    }

    int rehearseRequest(int port) throws IOException, InterruptedException {
        Optional<String> key = ApiKeys.anyIngestKey(auth.ingestKeyFile(), auth.ingestKeys());
        if (key.isEmpty()) {
            return 0;
        }
        ObjectNode post = (ObjectNode) PostJson.parse(sample());
        post.remove(TEXT);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + POSTS_PATH))
                .timeout(config.brokerTimeout())
                .header("Authorization", "Bearer " + key.get())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(post.toString()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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
