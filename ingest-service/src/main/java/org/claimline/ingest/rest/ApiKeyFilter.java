package org.claimline.ingest.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.OptionalLong;
import org.claimline.contracts.ContractJson;
import org.claimline.ingest.domain.ProblemType;
import org.claimline.ingest.domain.RequestPaths;
import org.claimline.ingest.domain.Role;
import org.claimline.ingest.service.RateLimiter;
import org.claimline.ingest.domain.ApiKeys;

/**
 * The first thing every HTTP request meets: it resolves the bearer key to a role and refuses with 401 any request
 * without a valid key unless its canonical path is on the short public list. It runs before routing, on every path
 * spelling, so there is no spelling that reaches a resource unchecked; {@link AccessCheck} then checks roles per method.
 */
@ApplicationScoped
public class ApiKeyFilter {

    /** RoutingContext key of the caller's {@link Role} (absent for anonymous public reads). */
    public static final String ROLE = "claimline.role";
    /** RoutingContext key of the caller's key digest, for rate limits. */
    public static final String KEY_DIGEST = "claimline.key-digest";
    /** Runs before Quarkus's own filters (CORS and the like) and before any route. */
    private static final int PRIORITY = 10_000;
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;
    private final RateLimiter rateLimiter;

    public ApiKeyFilter(ApiKeys keys, RateLimiter rateLimiter) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext rc) {
        String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            Optional<Role> role = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? keys.roleOf(header.substring(BEARER.length()).trim()) : Optional.empty();
            if (role.isEmpty()) {
                refuse(rc, "the API key is not valid (send Authorization: Bearer <key>)");
                return;
            }
            String digest = ApiKeys.digest(header.substring(BEARER.length()).trim());
            OptionalLong wait = rateLimiter.tryAcquire(digest);
            if (wait.isPresent()) {
                tooMany(rc, wait.getAsLong());
                return;
            }
            rc.put(ROLE, role.get());
            rc.put(KEY_DIGEST, digest);
            rc.next();
            return;
        }
        if (RequestPaths.isPublic(rc.request().method().name(), rc.request().path())) {
            rc.next();
            return;
        }
        refuse(rc, "an API key is required (send Authorization: Bearer <key>)");
    }

    private static void tooMany(RoutingContext rc, long retryAfterSeconds) {
        Problem problem = Problem.of(ProblemType.RATE_LIMITED, "Authorization",
                "this API key is over its rate limit; retry after " + retryAfterSeconds + " s", rc.request().path());
        rc.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .end(Buffer.buffer(ContractJson.write(problem)));
    }

    private static void refuse(RoutingContext rc, String detail) {
        Problem problem = Problem.of(ProblemType.UNAUTHORIZED, "Authorization", detail, rc.request().path());
        rc.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer realm=\"claimline-ingest\"")
                .end(Buffer.buffer(ContractJson.write(problem)));
    }
}
