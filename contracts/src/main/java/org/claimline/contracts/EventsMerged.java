package org.claimline.contracts;

/** Two events found to be one: every post and storyline of {@code fromEventId} now belongs to {@code intoEventId}. */
public record EventsMerged(String fromEventId, String intoEventId) {
}
