package org.claimline.web.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.claimline.web.repository.EventEntity;
import org.claimline.web.service.TimelineQueries;

/** An event as the API shows it: counts, place, span, storylines, signal counts and activity. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(String id, String title, String status, PlaceView place, Instant firstPostAt,
        Instant lastPostAt, Instant lastActivityAt, long postCount, long authorCount, int storylineCount,
        String mergedInto, List<StorylineView> storylines, Map<String, Integer> signals, ActivityView activity) {

    static EventView from(TimelineQueries.EventDetail detail) {
        EventEntity e = detail.event();
        return new EventView(e.id, e.title, e.status, PlaceView.of(e.placeName, e.lat, e.lon, e.radiusKm),
                e.firstPostAt, e.lastPostAt, e.lastActivityAt, e.postCount, e.authorCount, e.storylineCount,
                e.mergedInto, detail.storylines().stream().map(StorylineView::from).toList(), detail.signals(),
                ActivityView.from(detail.activity()));
    }
}
