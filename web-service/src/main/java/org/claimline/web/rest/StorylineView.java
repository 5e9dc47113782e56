package org.claimline.web.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.claimline.web.repository.StorylineEntity;
import org.claimline.web.service.TimelineQueries;

/** A storyline as the API shows it: summary, signal counts and (on one event) its activity. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorylineView(String id, String eventId, String label, String firstPostId, Instant firstPostAt,
        Instant lastPostAt, long postCount, long authorCount, long corroboration, Map<String, Integer> signals,
        ActivityView activity) {

    static StorylineView from(TimelineQueries.StorylineDetail detail) {
        StorylineEntity s = detail.storyline();
        return new StorylineView(s.id, s.eventId, s.label, s.firstPostId, s.firstPostAt, s.lastPostAt, s.postCount,
                s.authorCount, s.corroboration, detail.signals(), ActivityView.from(detail.activity()));
    }
}
