package org.claimline.web.rest;

import java.time.Instant;
import org.claimline.web.repository.StorylineEntity;

/** A storyline summary as the API shows it. */
public record StorylineView(String id, String eventId, String label, String firstPostId, Instant firstPostAt,
        Instant lastPostAt, long postCount, long authorCount, long corroboration) {

    static StorylineView from(StorylineEntity s) {
        return new StorylineView(s.id, s.eventId, s.label, s.firstPostId, s.firstPostAt, s.lastPostAt, s.postCount,
                s.authorCount, s.corroboration);
    }
}
