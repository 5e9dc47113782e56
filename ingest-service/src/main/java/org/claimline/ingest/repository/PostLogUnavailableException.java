package org.claimline.ingest.repository;

/** The post log's database cannot be reached; callers answer 503 rather than accept what they cannot record. */
public class PostLogUnavailableException extends RuntimeException {

    public PostLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
