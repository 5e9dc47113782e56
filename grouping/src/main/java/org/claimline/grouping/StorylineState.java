package org.claimline.grouping;

import org.claimline.grouping.util.LongIntMap;

/** The engine's working memory of one storyline: bounded term counts, its first post and the voices telling it. */
final class StorylineState {

    final String id;
    EventState event;
    int posts;
    long lastAt;
    final LongIntMap terms = new LongIntMap();
    String firstPostId;
    /** Distinct voices (authors, a copy-paste cluster counted once) as a set of hashes. */
    final LongIntMap voices = new LongIntMap();
    String label = "";
    int labelPosts = -1;

    StorylineState(String id, EventState event) {
        this.id = id;
        this.event = event;
    }
}
