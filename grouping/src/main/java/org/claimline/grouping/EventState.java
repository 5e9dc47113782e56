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
    /** Candidate collection scratch: the post (epoch) that last hit this event, and the index weight it shared. */
    int hitEpoch;
    double hitWeight;
    int titlePosts = -1;

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
