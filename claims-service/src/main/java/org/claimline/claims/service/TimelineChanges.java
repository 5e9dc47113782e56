package org.claimline.claims.service;

import java.time.Instant;
import java.util.List;
import org.claimline.claims.repository.EventEntity;
import org.claimline.claims.repository.StorylineEntity;
import org.claimline.contracts.ChangeKind;
import org.claimline.contracts.EventSummary;
import org.claimline.contracts.EventsMerged;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.PostSummary;
import org.claimline.contracts.SignalNote;
import org.claimline.contracts.StorylineSummary;
import org.claimline.contracts.StorylinesMerged;
import org.claimline.contracts.TimelineChanged;

/** Builds the timeline records from stored state, as it stands at the moment of each change. */
final class TimelineChanges {

    private TimelineChanges() {
    }

    static TimelineChanged postPlaced(EventEntity event, StorylineEntity storyline, PostAccepted post,
            List<String> reasons, List<SignalNote> signals, Instant at) {
        return new TimelineChanged(TimelineChanged.SCHEMA_VERSION, ChangeKind.POST_PLACED, event.id,
                event.nextSequence(), at, eventSummary(event), storylineSummary(storyline),
                postSummary(post, reasons, signals), null, null, null);
    }

    /** The merge as the given event's timeline tells it (both the absorbed and the absorbing event get one). */
    static TimelineChanged eventsMerged(EventEntity event, EventsMerged merged, Instant at) {
        return new TimelineChanged(TimelineChanged.SCHEMA_VERSION, ChangeKind.EVENTS_MERGED, event.id,
                event.nextSequence(), at, eventSummary(event), null, null, merged, null, null);
    }

    /** A storyline merge as the event's timeline tells it: the absorbing storyline as it now stands. */
    static TimelineChanged storylinesMerged(EventEntity event, StorylineEntity into, StorylinesMerged merged,
            Instant at) {
        return new TimelineChanged(TimelineChanged.SCHEMA_VERSION, ChangeKind.STORYLINES_MERGED, event.id,
                event.nextSequence(), at, eventSummary(event), storylineSummary(into), null, null, null, merged);
    }

    static EventSummary eventSummary(EventEntity e) {
        Place place = e.placeName == null && e.lat == null ? null : new Place(e.placeName, e.lat, e.lon, e.radiusKm);
        return new EventSummary(e.id, e.title, place, e.firstPostAt, e.lastPostAt, e.postCount, e.authorCount,
                e.storylineCount, e.status);
    }

    static StorylineSummary storylineSummary(StorylineEntity s) {
        return new StorylineSummary(s.id, s.eventId, s.label, s.firstPostId, s.firstPostAt, s.lastPostAt, s.postCount,
                s.authorCount, s.corroboration);
    }

    static PostSummary postSummary(PostAccepted p, List<String> reasons, List<SignalNote> signals) {
        return new PostSummary(p.id(), p.platform(), p.externalId(), p.url(), p.author(), p.text(), p.lang(),
                p.postedAt(), p.place(), p.media(), p.tags(), reasons, signals);
    }
}
