package org.claimline.grouping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimline.grouping.util.LongIntMap;

/** The engine's working memory of one event: bounded term counts, place, time span and its storylines. */
final class EventState {

    final String id;
    long firstAt;
    long lastAt;
    int posts;
    final LongIntMap terms = new LongIntMap();
    final List<StorylineState> storylines = new ArrayList<>();
    /** Keys under which this event is in the candidate index, so it can leave the index when it goes quiet. */
    LongIntMap indexedKeys = new LongIntMap();
    double latSum;
    double lonSum;
    int geoPosts;
    final Map<String, Integer> placeNames = new HashMap<>();
    boolean hot;
    EventState mergedInto;
    String title = "";
    /** This event's place in the engine's hot-event tables while it is in the candidate index, else -1. */
    int slot = -1;
    /** This event's candidate while a post is being placed (cleared after it), instead of a map per post. */
    GroupingEngine.Candidate candidate;
    int titlePosts = -1;
    /**
     * Squared length of the event's centroid (term count times IDF weight), kept up to date per post and recomputed
     * from current IDF when the event grows by a quarter, merges or is pruned.
     */
    double norm2;
    int normPosts = -1;
    /** Posts when the event's centroid was last compared with other events' (for fragment merging). */
    int mergeCheckPosts = -1;
    /**
     * The event this one's first post (a new picture) nearly joined, until {@link #nearlyJoinedDue} (stream time) when
     * the two are compared again; not rebuilt by restore, so after a restart such an event simply stays apart.
     */
    EventState nearlyJoined;
    long nearlyJoinedDue;

    EventState(String id, long at) {
        this.id = id;
        this.firstAt = at;
        this.lastAt = at;
    }

    /** The event this one now lives in (itself unless merged away). */
    EventState resolve() {
        EventState e = this;
        while (e.mergedInto != null) {
            e = e.mergedInto;
        }
        return e;
    }

    boolean hasPlace() {
        return geoPosts > 0;
    }

    double lat() {
        return latSum / geoPosts;
    }

    double lon() {
        return lonSum / geoPosts;
    }

    String topPlaceName() {
        String best = null;
        int count = 0;
        for (Map.Entry<String, Integer> e : placeNames.entrySet()) {
            if (e.getValue() > count) {
                best = e.getKey();
                count = e.getValue();
            }
        }
        return best;
    }
}
