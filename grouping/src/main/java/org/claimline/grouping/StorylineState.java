package org.claimline.grouping;

import java.util.ArrayList;
import java.util.List;
import org.claimline.grouping.util.LongIntMap;

/** The engine's working memory of one storyline: bounded term counts and the voices telling it. */
final class StorylineState {

    final String id;
    /**
     * The engine's number for this storyline, never reused: the image and reply indexes name storylines by it, so they
     * keep none alive (0 until the engine registers it).
     */
    long serial;
    EventState event;
    int posts;
    long lastAt;
    LongIntMap terms = new LongIntMap();
    /** Distinct voices (authors, a copy-paste cluster counted once) as a set of hashes. */
    LongIntMap voices = new LongIntMap();
    /** Voices counted before the storyline's event went quiet (their set is dropped to save memory). */
    int frozenVoices;
    /** Whether any post of this storyline carried an image (a picture's story is told by the picture, not its words). */
    boolean hasImage;
    /** The storyline this one was merged into (its posts tell the same claim); null while it stands alone. */
    StorylineState mergedInto;
    /**
     * Storylines merged into this one, kept reachable while it is: the text index holds storylines by weak reference,
     * the image and reply indexes by number, and each resolves a merged one to this (the engine forgets their numbers
     * with this one's).
     */
    List<StorylineState> absorbed;
    /** Posts it had when last compared with its event's other storylines (-1: never). */
    int mergeCheckPosts = -1;

    void absorb(StorylineState merged) {
        if (absorbed == null) {
            absorbed = new ArrayList<>(2);
        }
        absorbed.add(merged);
        merged.mergedInto = this;
        // a merged storyline is only a forwarding address now, kept as long as this one; every use resolves it first,
        // so its maps go (two empty maps were ~270 of its ~540 bytes, and a long-running event keeps absorbing)
        merged.terms = null;
        merged.voices = null;
        merged.label = null;
    }

    /** This storyline, or the one it was (transitively) merged into. */
    StorylineState resolve() {
        StorylineState st = this;
        while (st.mergedInto != null) {
            st = st.mergedInto;
        }
        return st;
    }

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
