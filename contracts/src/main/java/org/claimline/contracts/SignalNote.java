package org.claimline.contracts;

/** A machine-found hint for verifiers (never a verdict), with the reason a person can read. */
public record SignalNote(String type, String reason, String relatedPostId) {
}
