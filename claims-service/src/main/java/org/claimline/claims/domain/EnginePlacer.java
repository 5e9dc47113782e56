package org.claimline.claims.domain;

import java.util.ArrayList;
import java.util.List;
import org.claimline.contracts.EventsMerged;
import org.claimline.contracts.MediaFingerprint;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.SignalNote;
import org.claimline.contracts.StorylinesMerged;
import org.claimline.grouping.EventMerge;
import org.claimline.grouping.GroupingEngine;
import org.claimline.grouping.PostEvidence;
import org.claimline.grouping.Signal;
import org.claimline.grouping.StorylineMerge;

/**
 * Places posts with the grouping engine (place, time, text across languages, images, replies, merges, signals): it
 * hands the engine only the evidence a post claims, never labels or bytes, and reads its placement back in the
 * timeline's words.
 */
public final class EnginePlacer implements Placer {

    private final GroupingEngine engine;

    public EnginePlacer(GroupingEngine engine) {
        this.engine = engine;
    }

    @Override
    public Placement place(PostAccepted post) {
        org.claimline.grouping.Placement p = engine.place(evidence(post));
        List<SignalNote> signals = new ArrayList<>(p.signals().size());
        for (Signal s : p.signals()) {
            signals.add(new SignalNote(s.type(), s.reason(), s.relatedPostId()));
        }
        List<EventsMerged> merges = new ArrayList<>(p.merges().size());
        for (EventMerge m : p.merges()) {
            merges.add(new EventsMerged(m.fromEventId(), m.intoEventId()));
        }
        List<StorylinesMerged> storylineMerges = new ArrayList<>(p.storylineMerges().size());
        for (StorylineMerge m : p.storylineMerges()) {
            storylineMerges.add(new StorylinesMerged(m.fromStorylineId(), m.intoStorylineId()));
        }
        org.claimline.grouping.NearlyJoined near = p.nearlyJoined();
        return new Placement(p.postId(), p.eventId(), p.storylineId(), p.reasons(), signals, merges, p.eventTitle(),
                p.storylineLabel(), p.corroboration(), storylineMerges, near == null ? null
                        : new NearlyJoined(near.fragmentEventId(), near.nearEventId(), near.due()));
    }

    @Override
    public void restoreNearlyJoined(NearlyJoined pair) {
        engine.restoreNearlyJoined(new org.claimline.grouping.NearlyJoined(pair.fragmentEventId(), pair.nearEventId(),
                pair.due()));
    }

    @Override
    public void restore(PostAccepted post, String eventId, String storylineId) {
        engine.restore(evidence(post), eventId, storylineId);
    }

    @Override
    public int hotEvents() {
        return engine.hotEvents();
    }

    @Override
    public String name() {
        return "grouping-engine";
    }

    /** What the engine may know of a post: its claims and image fingerprints. */
    static PostEvidence evidence(PostAccepted post) {
        Place place = post.place();
        PostEvidence.Place claimed = place == null ? null
                : new PostEvidence.Place(place.lat(), place.lon(), place.radiusKm(), place.name());
        List<PostEvidence.Media> media = new ArrayList<>(post.media().size());
        for (MediaFingerprint m : post.media()) {
            media.add(new PostEvidence.Media(m.sha256(), m.perceptualHash(), m.takenAt(), m.gpsLat(), m.gpsLon()));
        }
        String author = post.author() == null ? null : post.author().handle();
        return new PostEvidence(post.id(), post.platform(), post.externalId(), author, post.text(), post.lang(),
                post.postedAt(), claimed, media, post.tags(), post.inReplyTo());
    }
}
