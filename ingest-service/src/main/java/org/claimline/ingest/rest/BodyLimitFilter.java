package org.claimline.ingest.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.claimline.contracts.ContractJson;
import org.claimline.ingest.domain.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes the server-wide body limit ({@code quarkus.http.limits.max-body-size}) out of the HTTP layer's hands, whose
 * refusal is a bare 413 with no body: a declared {@code Content-Length} over the limit gets a problem+json 413 here,
 * before any byte of the body is read. A body without a length (chunked) is counted by whoever reads it, and each
 * reader refuses with problem+json at the limit (our bounded reads; RESTEasy's multipart parser throws a 413 that
 * {@link ProblemMapper} writes), so the HTTP layer's own count is moved one {@value #BACKSTOP_SLACK_BYTES}-byte step
 * further out, to stay a backstop that only trips if a reader failed to count.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Between {@link ApiKeyFilter} (10 000: unauthenticated callers learn nothing) and Quarkus's own check (order -2). */
    private static final int DECLARED_LENGTH_PRIORITY = 100;
    /** Right after Quarkus's own check, which has just put its limit on the request. */
    private static final int CHUNKED_PRIORITY = 1;
    /** Room for multipart framing (boundaries, part headers) around part data that is itself at the limit. */
    static final long BACKSTOP_SLACK_BYTES = 1024 * 1024;

    private final long maxBodyBytes;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    /** The largest body any endpoint takes, in bytes. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    void register(@Observes Filters filters) {
        filters.register(this::declaredLength, DECLARED_LENGTH_PRIORITY);
        filters.register(this::chunked, CHUNKED_PRIORITY);
    }

    void declaredLength(RoutingContext rc) {
        String header = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header != null) {
            long length = parse(header);
            if (length > maxBodyBytes) {
                tooLarge(rc, Problem.of(ProblemType.TOO_LARGE, "body", "the body is " + length
                        + " bytes; a request body may be at most " + maxBodyBytes + " bytes", rc.request().path()));
                return;
            }
        }
        rc.next();
    }

    void chunked(RoutingContext rc) {
        if (rc.get(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY) != null) {
            rc.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, maxBodyBytes + BACKSTOP_SLACK_BYTES);
        }
        rc.next();
    }

    /** Answers 413 and closes the connection afterwards, as the rest of the body will not be read. */
    static void tooLarge(RoutingContext rc, Problem problem) {
        closeAfterResponse(rc);
        rc.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Buffer.buffer(ContractJson.write(problem)));
    }

    /**
     * For a refusal sent before the request body was read: tell the client and close the connection once the answer is
     * out, rather than read (or stall on) the rest of a body nobody wants. HTTP/2 streams are reset by the protocol.
     */
    static void closeAfterResponse(RoutingContext rc) {
        if (rc.request().isEnded() || rc.request().version() == HttpVersion.HTTP_2) {
            return;
        }
        rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        rc.addEndHandler(ignored -> rc.request().connection().close());
    }

    private static long parse(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            // the HTTP codec refuses a malformed Content-Length before we are called; never treat it as small
            return Long.MAX_VALUE;
        }
    }
}
