package org.claimline.grouping;

/** First sighting of an image: where it was placed, by which post and when, to join its reposts and flag recycling. */
final class ImageSighting {

    final StorylineState storyline;
    final EventState firstEvent;
    final String firstPostId;
    final long firstAt;
    final long perceptualHash;
    final boolean hasPerceptualHash;

    ImageSighting(StorylineState storyline, String firstPostId, long firstAt, long perceptualHash, boolean hasPerceptualHash) {
        this.storyline = storyline;
        this.firstEvent = storyline.event;
        this.firstPostId = firstPostId;
        this.firstAt = firstAt;
        this.perceptualHash = perceptualHash;
        this.hasPerceptualHash = hasPerceptualHash;
    }
}
