package org.claimline.ingest.repository;

/** The database cannot be reached now; callers answer 503 with Retry-After rather than guess or fail with a 500. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
