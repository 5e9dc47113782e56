package org.claimline.claims.service;

import java.time.Duration;

/** Doubling waits between retries while the database or the broker is away, capped so recovery is noticed soon. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** Sleeps the current wait and doubles it; false when interrupted (the service is stopping). */
    boolean pause() {
        try {
            Thread.sleep(next.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return true;
    }

    void reset() {
        next = initial;
    }

    Duration current() {
        return next;
    }
}
