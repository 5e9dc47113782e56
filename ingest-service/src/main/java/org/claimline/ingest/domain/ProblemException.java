package org.claimline.ingest.domain;

/** A refusal to be answered as {@code application/problem+json}: its type, the offending field when one, and why. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String field;
    private final Integer retryAfterSeconds;

    public ProblemException(ProblemType type, String field, String detail) {
        this(type, field, detail, null, null);
    }

    public ProblemException(ProblemType type, String field, String detail, Integer retryAfterSeconds, Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(ProblemType.INVALID_VALUE, field, detail);
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds, Throwable cause) {
        return new ProblemException(ProblemType.UNAVAILABLE, null, detail, retryAfterSeconds, cause);
    }

    public ProblemType type() {
        return type;
    }

    public String field() {
        return field;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
