package org.claimline.ingest.messaging;

/** The broker did not acknowledge a post (down, refusing, or too slow): nothing was promised to the client. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
