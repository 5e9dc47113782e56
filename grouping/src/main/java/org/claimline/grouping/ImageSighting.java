package org.claimline.grouping;

import java.lang.ref.WeakReference;

/**
 * First sighting of an image: where it was placed, by which post and when, to join its reposts and flag recycling.
 * It does not keep its event alive: a quiet event the engine has forgotten goes, and its images stay only as history.
 */
final class ImageSighting {

    private final WeakReference<StorylineState> storyline;
    private final WeakReference<EventState> firstEvent;
    final String firstPostId;
    final long firstAt;
    final long perceptualHash;
    final boolean hasPerceptualHash;

    ImageSighting(StorylineState storyline, String firstPostId, long firstAt, long perceptualHash, boolean hasPerceptualHash) {
        this.storyline = new WeakReference<>(storyline);
        this.firstEvent = new WeakReference<>(storyline.event);
        this.firstPostId = firstPostId;
        this.firstAt = firstAt;
        this.perceptualHash = perceptualHash;
        this.hasPerceptualHash = hasPerceptualHash;
    }

    /** The storyline of the first sighting, or null once its event is gone from memory. */
    StorylineState storyline() {
        return storyline.get();
    }

    /** The event of the first sighting (before any merge), or null once it is gone from memory. */
    EventState firstEvent() {
        return firstEvent.get();
    }
}
