package org.claimline.claims.domain;

import java.time.Instant;

/**
 * An event started by a new picture and the active event its post nearly joined, which the placer compares again at
 * {@code due} (the stream's time): stored so that a restart gives it back to the rebuilt placer.
 */
public record NearlyJoined(String fragmentEventId, String nearEventId, Instant due) {
}
