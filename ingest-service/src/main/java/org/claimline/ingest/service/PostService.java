package org.claimline.ingest.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.claimline.contracts.ContractJson;
import org.claimline.contracts.MediaFingerprint;
import org.claimline.contracts.PostAccepted;
import org.claimline.ingest.config.IngestConfig;
import org.claimline.ingest.domain.PostIds;
import org.claimline.ingest.domain.PostSubmission;
import org.claimline.ingest.domain.ProblemException;
import org.claimline.ingest.domain.ProblemType;
import org.claimline.ingest.messaging.BrokerGate;
import org.claimline.ingest.messaging.BrokerUnavailableException;
import org.claimline.ingest.messaging.PostPublisher;
import org.claimline.ingest.repository.DatabaseGate;
import org.claimline.ingest.repository.DatabaseUnavailableException;
import org.claimline.ingest.repository.PostLogRepository;
import org.claimline.ingest.repository.PostLogRepository.KeyUse;
import org.claimline.ingest.repository.PostLogRow;
import org.claimline.ingest.repository.PostLogWriter;
import org.jboss.logging.Logger;

/**
 * Accepts a validated post: gives it its deterministic id, checks the Idempotency-Key, publishes it and waits for the
 * broker's acknowledgement, then hands it to the post log's batch writer. A 202 is only ever built after the ack.
 */
@ApplicationScoped
public class PostService {

    private static final Logger LOG = Logger.getLogger(PostService.class);

    private final PostPublisher publisher;
    private final PostLogWriter logWriter;
    private final PostLogRepository logRepository;
    private final MediaCatalog mediaCatalog;
    private final DatabaseGate databaseGate;
    private final BrokerGate brokerGate;
    private final Clock clock;
    private final Map<String, KeyUse> inFlight = new ConcurrentHashMap<>();
    private final int retryAfterSeconds;

    public PostService(PostPublisher publisher, PostLogWriter logWriter, PostLogRepository logRepository,
            MediaCatalog mediaCatalog, DatabaseGate databaseGate, BrokerGate brokerGate, IngestConfig config) {
        this.publisher = publisher;
        this.databaseGate = databaseGate;
        this.brokerGate = brokerGate;
        this.logWriter = logWriter;
        this.logRepository = logRepository;
        this.mediaCatalog = mediaCatalog;
        this.clock = Clock.systemUTC();
        this.retryAfterSeconds = config.posts().retryAfterSeconds();
    }

    /** The id a submission gets, before anything is published. */
    public static String idOf(PostSubmission submission) {
        return PostIds.of(submission.platform(), submission.externalId());
    }

    /**
     * Accepts one post; the Uni fails with a {@link ProblemException} (409 on a reused key, 422 for unknown media, 503
     * when the broker or the post log cannot take it now).
     */
    public Uni<String> accept(PostSubmission submission, Optional<String> idempotencyKey) {
        Optional<String> refusal = refusal();
        if (refusal.isPresent()) {
            return Uni.createFrom().failure(unavailable(refusal.get(), null));
        }
        String id = idOf(submission);
        String requestHash = requestHashOf(submission);
        if (idempotencyKey.isEmpty()) {
            return publishAndLog(submission, id, requestHash, null);
        }
        String key = idempotencyKey.get();
        return underKey(key, id, requestHash, () -> publishAndLog(submission, id, requestHash, key));
    }

    /** Refuses with 503 at once when no post could be accepted now (for a batch, before its body is read). */
    public void requireAccepting() {
        Optional<String> refusal = refusal();
        if (refusal.isPresent()) {
            throw unavailable(refusal.get(), null);
        }
    }

    /**
     * Why no post can be accepted now, if so. A post is accepted only when both its durable record (the broker) and
     * ingest's own post log (its database) can take it: while the database is down, posts are refused, because the
     * post log, which backs GET /api/v1/posts/{id} and Idempotency-Key conflicts, could only hold them in memory.
     */
    private Optional<String> refusal() {
        if (!databaseGate.isUp()) {
            return Optional.of("the post log's database is unreachable");
        }
        if (!brokerGate.isOpen()) {
            return Optional.of("the message broker is unavailable");
        }
        if (!logWriter.hasRoom()) {
            return Optional.of("the post log cannot take more posts right now");
        }
        return Optional.empty();
    }

    private Uni<String> publishAndLog(PostSubmission submission, String id, String requestHash, String key) {
        return mediaCatalog.fingerprints(submission.mediaSha256())
                .onFailure(DatabaseUnavailableException.class).transform(e -> unavailable(e.getMessage(), e))
                .chain(media -> publishAndLog(submission, media, id, requestHash, key));
    }

    private Uni<String> publishAndLog(PostSubmission submission, List<MediaFingerprint> media, String id,
            String requestHash, String key) {
        PostAccepted record = recordOf(submission, media, id);
        return publisher.publish(record)
                .onFailure(BrokerUnavailableException.class).transform(e -> unavailable(e.getMessage(), e))
                .map(ignored -> {
                    PostLogRow row = logRowOf(record, key, requestHash);
                    if (!logWriter.append(row)) {
                        LOG.warnf("post log queue full: post %s is in Kafka but not in the post log", id);
                    }
                    return id;
                });
    }

    /** What an Idempotency-Key is bound to: the request's content, so a reuse for another post is told apart. */
    static String requestHashOf(PostSubmission submission) {
        return PostIds.sha256(ContractJson.write(submission));
    }

    /** The record a submission becomes on the topic. */
    PostAccepted recordOf(PostSubmission submission, List<MediaFingerprint> media, String id) {
        return new PostAccepted(PostAccepted.SCHEMA_VERSION, id, submission.platform(), submission.externalId(),
                submission.url(), submission.author(), submission.text(), submission.lang(), submission.postedAt(),
                clock.instant(), submission.place(), media, submission.tags(), submission.inReplyTo());
    }

    /** The post log's row of a published record. */
    static PostLogRow logRowOf(PostAccepted record, String key, String requestHash) {
        return new PostLogRow(record.id(), record.platform(), record.externalId(), record.postedAt(),
                record.acceptedAt(), key, requestHash, new String(ContractJson.write(record), StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code action} under an Idempotency-Key. Same key and same request: fine (same id). Same key, different
     * request: 409. Keys in flight are reserved in memory so two racing requests cannot both claim one key.
     */
    private Uni<String> underKey(String key, String id, String requestHash, Supplier<Uni<String>> action) {
        KeyUse mine = new KeyUse(id, requestHash);
        KeyUse racing = inFlight.putIfAbsent(key, mine);
        if (racing != null) {
            return compare(racing.postId(), racing.requestHash(), id, requestHash).chain(() -> action.get());
        }
        return checkKey(key, id, requestHash).chain(() -> action.get())
                .onTermination().invoke(() -> inFlight.remove(key, mine));
    }

    private Uni<Void> checkKey(String key, String id, String requestHash) {
        Optional<PostLogRow> pending = logWriter.pendingForKey(key);
        if (pending.isPresent()) {
            return compare(pending.get().id(), pending.get().requestHash(), id, requestHash);
        }
        return Uni.createFrom().item(() -> logRepository.findKeyUse(key))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(DatabaseUnavailableException.class).transform(e -> unavailable(e.getMessage(), e))
                .chain(use -> use.isEmpty() ? Uni.createFrom().voidItem()
                        : compare(use.get().postId(), use.get().requestHash(), id, requestHash));
    }

    private static Uni<Void> compare(String usedId, String usedHash, String id, String requestHash) {
        if (usedId.equals(id) && usedHash.equals(requestHash)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().failure(new ProblemException(ProblemType.IDEMPOTENCY_CONFLICT, "Idempotency-Key",
                "this Idempotency-Key was already used for a different post (id " + usedId + ")"));
    }

    private ProblemException unavailable(String detail, Throwable cause) {
        if (cause != null) {
            LOG.debugf(cause, "refusing a post with 503: %s", detail);
        }
        return ProblemException.unavailable(detail, retryAfterSeconds, cause);
    }
}
