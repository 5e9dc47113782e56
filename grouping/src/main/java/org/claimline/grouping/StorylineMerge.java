package org.claimline.grouping;

/**
 * Two storylines of one event found to tell the same claim: every post of {@code fromStorylineId} now belongs to
 * {@code intoStorylineId}, and {@code fromStorylineId} is not used again.
 */
public record StorylineMerge(String fromStorylineId, String intoStorylineId, String eventId) {
}
