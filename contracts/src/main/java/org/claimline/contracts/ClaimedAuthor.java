package org.claimline.contracts;

/** Who a post says wrote it: nothing about it is verified on entry. */
public record ClaimedAuthor(String handle, String displayName) {
}
