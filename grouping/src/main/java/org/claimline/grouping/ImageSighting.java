package org.claimline.grouping;

/**
 * First sighting of an image, as found for the post being placed: where it was placed, by which post and when, to join
 * its reposts and flag recycling. The index keeps it as numbers ({@link ImageIndex}); this is its view for one post.
 */
final class ImageSighting {

    private final StorylineState storyline;
    final String firstPostId;
    final long firstAt;

    /** @param storyline the storyline of the first sighting, or null when its event is forgotten */
    ImageSighting(StorylineState storyline, String firstPostId, long firstAt) {
        this.storyline = storyline;
        this.firstPostId = firstPostId;
        this.firstAt = firstAt;
    }

    /** The storyline of the first sighting, or null once its event is forgotten. */
    StorylineState storyline() {
        return storyline;
    }

    /**
     * An event that resolves as the image's first event does (the first sighting's storyline's event: it followed each
     * merge of that event), or null once that event is forgotten.
     */
    EventState firstEvent() {
        return storyline == null ? null : storyline.event;
    }
}
