package org.claimline.grouping;

import org.claimline.grouping.util.LongIntMap;

/** The engine's working memory of one storyline: bounded term counts, its first post and the voices telling it. */
final class StorylineState {

    final String id;
    EventState event;
    int posts;
    long lastAt;
    LongIntMap terms = new LongIntMap();
    String firstPostId;
    /** Distinct voices (authors, a copy-paste cluster counted once) as a set of hashes. */
    LongIntMap voices = new LongIntMap();
    /** Voices counted before the storyline's event went quiet (their set is dropped to save memory). */
    int frozenVoices;
    /** Whether any post of this storyline carried an image (a picture's story is told by the picture, not its words). */
    boolean hasImage;

    int corroboration() {
        return frozenVoices + voices.size();
    }
    String label = "";
    int labelPosts = -1;

    StorylineState(String id, EventState event) {
        this.id = id;
        this.event = event;
    }
}
