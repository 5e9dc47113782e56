package org.claimline.ingest.domain;

/** The kinds of refusal ingest-service answers with, each an RFC 9457 problem type with its HTTP status. */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "The request body is not well-formed"),
    UNAUTHORIZED(401, "unauthorized", "A valid API key is required"),
    FORBIDDEN(403, "forbidden", "This API key may not do that"),
    NOT_FOUND(404, "not-found", "Nothing here"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Cannot produce the requested type"),
    IDEMPOTENCY_CONFLICT(409, "idempotency-conflict", "The Idempotency-Key was already used for a different post"),
    TOO_LARGE(413, "too-large", "The request is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    INVALID_VALUE(422, "invalid-value", "A value is invalid"),
    RATE_LIMITED(429, "rate-limited", "Too many requests for this API key"),
    UNAVAILABLE(503, "unavailable", "Unavailable right now (broker or database down), retry later"),
    OVERLOADED(503, "overloaded", "Too much work in flight right now; nothing was accepted, retry after Retry-After");

    private static final String BASE = "urn:claimline:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }
}
