package org.claimline.web.domain;

/** No event with the asked id in the read model; answered with 404. */
public class EventNotFoundException extends RuntimeException {

    public EventNotFoundException(String eventId) {
        super("no event with id " + eventId);
    }
}
