package org.claimline.grouping;

/** A recent text, remembered to find its near-identical copies and their storyline. */
final class TextSighting {

    final StorylineState storyline;
    final CopyCluster cluster;
    final String postId;
    final long at;

    TextSighting(StorylineState storyline, CopyCluster cluster, String postId, long at) {
        this.storyline = storyline;
        this.cluster = cluster;
        this.postId = postId;
        this.at = at;
    }
}
