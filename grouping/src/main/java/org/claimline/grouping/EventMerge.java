package org.claimline.grouping;

/** Two events found to be one: every storyline of {@code fromEventId} now lives in {@code intoEventId}. */
public record EventMerge(String fromEventId, String intoEventId) {
}
