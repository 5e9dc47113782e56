package org.claimline.grouping;

import java.util.HashSet;
import java.util.Set;
import org.claimline.grouping.util.LongIntMap;

/** The engine's working memory of one storyline: bounded term counts, its first post and the voices telling it. */
final class StorylineState {

    final String id;
    EventState event;
    int posts;
    long lastAt;
    final LongIntMap terms = new LongIntMap();
    String firstPostId;
    final Set<Long> voices = new HashSet<>();
    String label = "";
    int labelPosts = -1;

    StorylineState(String id, EventState event) {
        this.id = id;
        this.event = event;
    }
}
