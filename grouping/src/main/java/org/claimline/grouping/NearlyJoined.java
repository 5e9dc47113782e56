package org.claimline.grouping;

import java.time.Instant;

/**
 * An event started by a new picture and the active event its post nearly joined, to be compared again at {@code due}
 * (stream time). The engine keeps it in memory; a service stores it so that a restart does not forget it.
 */
public record NearlyJoined(String fragmentEventId, String nearEventId, Instant due) {
}
