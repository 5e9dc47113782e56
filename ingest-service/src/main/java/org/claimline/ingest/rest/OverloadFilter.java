package org.claimline.ingest.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.claimline.contracts.ContractJson;
import org.claimline.ingest.config.IngestConfig;
import org.claimline.ingest.domain.ProblemType;
import org.claimline.ingest.domain.RequestPaths;
import org.claimline.ingest.domain.Role;
import org.claimline.ingest.service.PostsInFlight;

/**
 * Sheds load on the ways posts come in ({@code POST /api/v1/posts}, {@code /api/v1/posts/batch}, {@code /api/v1/media}):
 * beyond {@link PostsInFlight}'s bound a request is answered 503 + Retry-After problem+json at once, on the event loop,
 * before its body is parsed and before any resource runs, so a refused post never reaches the broker or the post log and
 * the client may simply send it again. Without it an overloaded ingest let requests queue for a minute and new
 * connections time out, which a client cannot tell from a broken service. Health, metrics and OpenAPI are never bounded.
 */
@ApplicationScoped
public class OverloadFilter {

    /** After {@link ApiKeyFilter} (10 000) and the declared-length 413 of {@link BodyLimitFilter} (100). */
    private static final int PRIORITY = 50;
    /** Canonical paths of the bounded endpoints, each with its tag on the refusal counter. */
    private static final String BATCH = "batch";
    private static final Map<String, String> BOUNDED = Map.of(
            "/api/v1/posts", "posts",
            "/api/v1/posts/batch", BATCH,
            "/api/v1/media", "media");
    /** RoutingContext key of an admitted request's {@link PostsInFlight.Ticket}, for the batch reader. */
    public static final String TICKET = "claimline.posts-in-flight";
    static final String REFUSED_METRIC = "claimline.ingest.overload.refused";
    static final String IN_FLIGHT_METRIC = "claimline.ingest.posts.in.flight";
    static final String PEAK_METRIC = "claimline.ingest.posts.in.flight.peak";

    private final PostsInFlight posts;
    /** Refusals per endpoint tag. */
    private final Map<String, Counter> refused;
    private final int retryAfterSeconds;
    /** A refused body up to this size is read and dropped, so the connection stays usable; a larger one is not read. */
    private final long drainBytes;
    private final long batchWindow;
    private final long expectedLineBytes;

    public OverloadFilter(PostsInFlight posts, MeterRegistry registry, IngestConfig config) {
        this.posts = posts;
        this.retryAfterSeconds = config.posts().overloadRetryAfterSeconds();
        this.drainBytes = config.posts().maxBodyBytes();
        this.batchWindow = config.batch().inFlight();
        this.expectedLineBytes = config.batch().expectedLineBytes();
        Gauge.builder(IN_FLIGHT_METRIC, posts, PostsInFlight::inFlight)
                .description("Posts in flight in ingest (requests being received or answered, batch posts awaiting "
                        + "the broker)")
                .register(registry);
        Gauge.builder(PEAK_METRIC, posts, PostsInFlight::peak)
                .description("The most posts in flight at once since the start")
                .register(registry);
        this.refused = BOUNDED.values().stream().collect(Collectors.toUnmodifiableMap(e -> e,
                e -> Counter.builder(REFUSED_METRIC)
                        .description("Post requests refused with 503 because ingest was at its bound of posts in flight")
                        .tag("endpoint", e)
                        .register(registry)));
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = request.method() == HttpMethod.POST && rc.get(ApiKeyFilter.ROLE) == Role.INGEST
                ? RequestPaths.canonical(request.path()) : null;
        String endpoint = path == null ? null : BOUNDED.get(path);
        if (endpoint == null) {
            rc.next();
            return;
        }
        Optional<PostsInFlight.Ticket> ticket = posts.tryAdmit(expectedPosts(endpoint, request));
        if (ticket.isPresent()) {
            rc.put(TICKET, ticket.get());
            rc.addEndHandler(ignored -> ticket.get().finished());
            rc.next();
            return;
        }
        refused.get(endpoint).increment();
        dropBody(rc);
        Problem problem = Problem.of(ProblemType.OVERLOADED, null, "ingest has " + posts.max()
                + " posts in flight, its bound; nothing of this request was accepted: send it again after "
                + retryAfterSeconds + " s", request.path());
        rc.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .end(Buffer.buffer(ContractJson.write(problem)));
    }

    /**
     * The posts a request is expected to carry: one, or for a batch its declared length over a typical line's bytes, at
     * most its window of posts awaiting the broker (a batch sent without a length is taken to fill its window).
     */
    private long expectedPosts(String endpoint, HttpServerRequest request) {
        if (!BATCH.equals(endpoint)) {
            return 1;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long lines = length == null ? batchWindow : parse(length) / expectedLineBytes;
        return Math.max(1, Math.min(lines, batchWindow));
    }

    /**
     * The body of a refused request is not wanted. A small one (a post, a batch of a few hundred) is read and dropped
     * so the client's keep-alive connection survives the refusal, as it would a 202; a large or unbounded one is not
     * read, and the connection is closed once the answer is out.
     */
    private void dropBody(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.isEnded() || request.version() == HttpVersion.HTTP_2) {
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) <= drainBytes) {
            request.handler(ignored -> { });
            request.resume();
            return;
        }
        BodyLimitFilter.closeAfterResponse(rc);
    }

    private static long parse(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
