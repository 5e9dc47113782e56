package org.claimline.grouping;

import java.lang.ref.WeakReference;

/** A recent text, remembered to find its near-identical copies and their storyline (without keeping its event alive). */
final class TextSighting {

    private final WeakReference<StorylineState> storyline;
    final CopyCluster cluster;
    final String postId;
    final long at;

    TextSighting(StorylineState storyline, CopyCluster cluster, String postId, long at) {
        this.storyline = new WeakReference<>(storyline);
        this.cluster = cluster;
        this.postId = postId;
        this.at = at;
    }

    /** The storyline the text was placed in, or null once its event is gone from memory. */
    StorylineState storyline() {
        return storyline.get();
    }
}
