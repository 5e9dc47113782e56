package org.claimline.claims.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimline.claims.domain.NearlyJoined;
import org.claimline.claims.domain.Placement;
import org.claimline.claims.domain.Placer;
import org.claimline.claims.repository.AuthorRepository;
import org.claimline.claims.repository.AuthorRepository.Pair;
import org.claimline.claims.repository.EventEntity;
import org.claimline.claims.repository.EventRepository;
import org.claimline.claims.repository.NearlyJoinedRepository;
import org.claimline.claims.repository.OutboxEntity;
import org.claimline.claims.repository.OutboxRepository;
import org.claimline.claims.repository.PostEntity;
import org.claimline.claims.repository.PostRepository;
import org.claimline.claims.repository.PostSignalEntity;
import org.claimline.claims.repository.PostSignalRepository;
import org.claimline.claims.repository.StorylineEntity;
import org.claimline.claims.repository.StorylineRepository;
import org.claimline.contracts.ContractJson;
import org.claimline.contracts.EventsMerged;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.SignalNote;
import org.claimline.contracts.StorylinesMerged;
import org.claimline.contracts.TimelineChanged;
import org.jboss.logging.Logger;

/**
 * Places a batch of posts and writes everything it changes in ONE transaction: events, storylines, posts, signals,
 * author counts, event and storyline merges, and the outbox rows of the timeline changes. Idempotent per post id:
 * posts placed before are skipped (one query for the whole batch), so a redelivered post changes nothing and publishes
 * nothing.
 */
@ApplicationScoped
public class PlacementWriter {

    private static final Logger LOG = Logger.getLogger(PlacementWriter.class);

    private final EventRepository events;
    private final StorylineRepository storylines;
    private final PostRepository posts;
    private final PostSignalRepository signals;
    private final AuthorRepository authors;
    private final OutboxRepository outbox;
    private final NearlyJoinedRepository nearlyJoined;

    public PlacementWriter(EventRepository events, StorylineRepository storylines, PostRepository posts,
            PostSignalRepository signals, AuthorRepository authors, OutboxRepository outbox,
            NearlyJoinedRepository nearlyJoined) {
        this.events = events;
        this.storylines = storylines;
        this.posts = posts;
        this.signals = signals;
        this.authors = authors;
        this.outbox = outbox;
        this.nearlyJoined = nearlyJoined;
    }

    /** Places and stores the posts not placed before; the number of posts placed. */
    @Transactional
    public int write(List<PostAccepted> batch, Placer placer) {
        Map<String, PostAccepted> unique = new LinkedHashMap<>();
        for (PostAccepted post : batch) {
            unique.putIfAbsent(post.id(), post);
        }
        Set<String> placedBefore = posts.existingIds(unique.keySet());
        List<PostAccepted> fresh = new ArrayList<>(unique.size());
        for (PostAccepted post : unique.values()) {
            if (!placedBefore.contains(post.id())) {
                fresh.add(post);
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        List<Placement> placements = new ArrayList<>(fresh.size());
        for (PostAccepted post : fresh) {
            placements.add(placer.place(post));
        }
        new Batch(fresh, placements).write();
        return fresh.size();
    }

    /** The state of one batch while it is written: the entities it touches, loaded once. */
    private final class Batch {

        private final List<PostAccepted> fresh;
        private final List<Placement> placements;
        private final Instant now = Instant.now();
        private final Map<String, EventEntity> eventById;
        private final Map<String, StorylineEntity> storylineById;
        private final Set<Pair> uncountedEventAuthors;
        private final Set<Pair> uncountedStorylineAuthors;
        private final List<PostEntity> postRows = new ArrayList<>();
        private final List<PostSignalEntity> signalRows = new ArrayList<>();
        private final List<OutboxEntity> outboxRows = new ArrayList<>();

        Batch(List<PostAccepted> fresh, List<Placement> placements) {
            this.fresh = fresh;
            this.placements = placements;
            Set<String> eventIds = new HashSet<>();
            Set<String> storylineIds = new HashSet<>();
            Set<Pair> eventPairs = new LinkedHashSet<>();
            Set<Pair> storylinePairs = new LinkedHashSet<>();
            for (int i = 0; i < placements.size(); i++) {
                Placement p = placements.get(i);
                eventIds.add(p.eventId());
                storylineIds.add(p.storylineId());
                for (EventsMerged m : p.merges()) {
                    eventIds.add(m.fromEventId());
                    eventIds.add(m.intoEventId());
                }
                for (StorylinesMerged m : p.storylineMerges()) {
                    storylineIds.add(m.fromStorylineId());
                    storylineIds.add(m.intoStorylineId());
                }
                String author = handleOf(fresh.get(i));
                if (author != null) {
                    eventPairs.add(new Pair(p.eventId(), author));
                    storylinePairs.add(new Pair(p.storylineId(), author));
                }
            }
            this.eventById = events.findByIds(eventIds);
            this.storylineById = storylines.findByIds(storylineIds);
            this.uncountedEventAuthors = new HashSet<>(authors.addEventAuthors(new ArrayList<>(eventPairs)));
            this.uncountedStorylineAuthors = new HashSet<>(authors.addStorylineAuthors(new ArrayList<>(storylinePairs)));
        }

        void write() {
            for (int i = 0; i < fresh.size(); i++) {
                PostAccepted post = fresh.get(i);
                Placement placement = placements.get(i);
                for (EventsMerged merge : placement.merges()) {
                    if (merge.intoEventId().equals(placement.eventId())) {
                        // the post may have opened the event that absorbs an older one: store it before the move
                        eventById.computeIfAbsent(placement.eventId(), id -> newEvent(id, post));
                    }
                    merge(merge);
                }
                EventEntity event = eventById.computeIfAbsent(placement.eventId(), id -> newEvent(id, post));
                StorylineEntity storyline = storylineById.get(placement.storylineId());
                if (storyline == null) {
                    storyline = newStoryline(placement.storylineId(), event, post);
                    storylineById.put(storyline.id, storyline);
                    event.storylineCount++;
                }
                storyline.eventId = event.id;
                for (StorylinesMerged merge : placement.storylineMerges()) {
                    mergeStorylines(merge, event, post);
                }
                count(event, storyline, post);
                if (placement.eventTitle() != null) {
                    event.title = placement.eventTitle();
                }
                if (placement.storylineLabel() != null) {
                    storyline.label = placement.storylineLabel();
                }
                storyline.corroboration = placement.corroboration() >= 0
                        ? placement.corroboration() : storyline.authorCount;
                storePost(post, placement);
                enqueue(TimelineChanges.postPlaced(event, storyline, post, placement.reasons(), placement.signals(),
                        now));
            }
            writeRows();
            outbox.insertAll(outboxRows);
            List<NearlyJoined> pairs = new ArrayList<>();
            for (Placement placement : placements) {
                if (placement.nearlyJoined() != null) {
                    pairs.add(placement.nearlyJoined());
                }
            }
            nearlyJoined.insertAll(pairs);
        }

        /** Inserts the posts and signals gathered so far (rows that a merge must find in the database). */
        private void writeRows() {
            posts.insertAll(postRows);
            signals.insertAll(signalRows);
            postRows.clear();
            signalRows.clear();
        }

        private void count(EventEntity event, StorylineEntity storyline, PostAccepted post) {
            Instant at = post.postedAt();
            event.postCount++;
            event.firstPostAt = earlier(event.firstPostAt, at);
            event.lastPostAt = later(event.lastPostAt, at);
            event.updatedAt = now;
            storyline.postCount++;
            storyline.firstPostAt = earlier(storyline.firstPostAt, at);
            storyline.lastPostAt = later(storyline.lastPostAt, at);
            storyline.updatedAt = now;
            String author = handleOf(post);
            if (author != null) {
                if (uncountedEventAuthors.remove(new Pair(event.id, author))) {
                    event.authorCount++;
                }
                if (uncountedStorylineAuthors.remove(new Pair(storyline.id, author))) {
                    storyline.authorCount++;
                }
            }
        }

        /** Moves the absorbed event's storylines, posts and authors into the absorbing one, and tells both timelines. */
        private void merge(EventsMerged merge) {
            EventEntity from = eventById.get(merge.fromEventId());
            EventEntity into = eventById.get(merge.intoEventId());
            if (from == null && into != null) {
                // an event opened by this very post and absorbed at once: never stored, so nothing to move or tell
                LOG.debugf("merge of %s into %s: the absorbed event was never stored", merge.fromEventId(),
                        merge.intoEventId());
                return;
            }
            if (from == null || into == null || from == into || EventEntity.MERGED.equals(from.status)) {
                LOG.warnf("merge of %s into %s ignored: an event is unknown or merged already",
                        merge.fromEventId(), merge.intoEventId());
                return;
            }
            posts.flush();
            writeRows();
            // the entity's count leaves out this batch's authors not yet counted; those the move adds are new to it
            long newAuthors = events.moveContents(from.id, into.id);
            for (StorylineEntity s : storylineById.values()) {
                if (s.eventId.equals(from.id)) {
                    s.eventId = into.id;
                }
            }
            into.authorCount += newAuthors;
            into.postCount += from.postCount;
            into.storylineCount += from.storylineCount;
            into.firstPostAt = earlier(into.firstPostAt, from.firstPostAt);
            into.lastPostAt = later(into.lastPostAt, from.lastPostAt);
            into.updatedAt = now;
            from.status = EventEntity.MERGED;
            from.mergedInto = into.id;
            from.storylineCount = 0;
            from.updatedAt = now;
            enqueue(TimelineChanges.eventsMerged(from, merge, now));
            enqueue(TimelineChanges.eventsMerged(into, merge, now));
        }

        /** Moves the absorbed storyline's posts, signals and authors into the absorbing one, and tells the timeline. */
        private void mergeStorylines(StorylinesMerged merge, EventEntity postEvent, PostAccepted post) {
            StorylineEntity from = storylineById.get(merge.fromStorylineId());
            StorylineEntity into = storylineById.get(merge.intoStorylineId());
            if (from != null && into == null && from.mergedInto == null) {
                // a storyline this post opened absorbs a stored one and is itself absorbed later in the same placement
                // (the engine merges in a chain): it must exist for a moment, or the stored one's posts would stay put
                into = newStoryline(merge.intoStorylineId(), postEvent, post);
                storylineById.put(into.id, into);
                postEvent.storylineCount++;
            }
            if (from == null && into != null) {
                // a storyline opened by this very post and absorbed at once: never stored, nothing to move or tell
                LOG.debugf("storyline merge of %s into %s: the absorbed storyline was never stored",
                        merge.fromStorylineId(), merge.intoStorylineId());
                return;
            }
            if (from == null || into == null || from == into || from.mergedInto != null) {
                LOG.warnf("storyline merge of %s into %s ignored: a storyline is unknown or merged already",
                        merge.fromStorylineId(), merge.intoStorylineId());
                return;
            }
            // rows of this batch not written yet are moved here, the rest by the statements: no flush mid-batch
            for (PostEntity row : postRows) {
                if (from.id.equals(row.storylineId)) {
                    row.storylineId = into.id;
                }
            }
            for (PostSignalEntity row : signalRows) {
                if (from.id.equals(row.storylineId)) {
                    row.storylineId = into.id;
                }
            }
            into.authorCount += storylines.moveContents(from.id, into.id);
            into.postCount += from.postCount;
            if (from.firstPostAt != null && (into.firstPostAt == null || from.firstPostAt.isBefore(into.firstPostAt))) {
                into.firstPostAt = from.firstPostAt;
                into.firstPostId = from.firstPostId;
            }
            into.lastPostAt = later(into.lastPostAt, from.lastPostAt);
            into.corroboration = Math.max(into.corroboration, from.corroboration);
            into.updatedAt = now;
            from.mergedInto = into.id;
            from.postCount = 0;
            from.updatedAt = now;
            EventEntity event = eventById.getOrDefault(into.eventId, postEvent);
            event.storylineCount = Math.max(0, event.storylineCount - 1);
            event.updatedAt = now;
            enqueue(TimelineChanges.storylinesMerged(event, into, merge, now));
        }

        private EventEntity newEvent(String id, PostAccepted post) {
            EventEntity e = new EventEntity();
            e.id = id;
            Place place = post.place();
            e.title = place != null && place.name() != null ? place.name() : "Untitled event";
            if (place != null) {
                e.placeName = place.name();
                e.lat = place.lat();
                e.lon = place.lon();
                e.radiusKm = place.radiusKm();
            }
            e.firstPostAt = post.postedAt();
            e.lastPostAt = post.postedAt();
            e.status = EventEntity.LIVE;
            e.createdAt = now;
            e.updatedAt = now;
            events.persist(e);
            return e;
        }

        private StorylineEntity newStoryline(String id, EventEntity event, PostAccepted post) {
            StorylineEntity s = new StorylineEntity();
            s.id = id;
            s.eventId = event.id;
            s.label = "Untitled storyline";
            s.firstPostId = post.id();
            s.firstPostAt = post.postedAt();
            s.lastPostAt = post.postedAt();
            s.createdAt = now;
            s.updatedAt = now;
            storylines.persist(s);
            return s;
        }

        private void storePost(PostAccepted post, Placement placement) {
            PostEntity entity = new PostEntity();
            entity.id = post.id();
            entity.eventId = placement.eventId();
            entity.storylineId = placement.storylineId();
            entity.authorHandle = handleOf(post);
            entity.postedAt = post.postedAt();
            entity.placedAt = now;
            entity.reasons = new String(ContractJson.write(placement.reasons()), StandardCharsets.UTF_8);
            entity.payload = new String(ContractJson.write(post), StandardCharsets.UTF_8);
            postRows.add(entity);
            for (SignalNote note : placement.signals()) {
                PostSignalEntity signal = new PostSignalEntity();
                signal.postId = post.id();
                signal.storylineId = placement.storylineId();
                signal.type = note.type();
                signal.reason = note.reason();
                signal.relatedPostId = note.relatedPostId();
                signalRows.add(signal);
            }
        }

        private void enqueue(TimelineChanged change) {
            OutboxEntity row = new OutboxEntity();
            row.eventId = change.eventId();
            row.sequence = change.sequence();
            row.kind = change.kind().name();
            row.payload = new String(ContractJson.write(change), StandardCharsets.UTF_8);
            row.createdAt = now;
            outboxRows.add(row);
        }
    }

    private static String handleOf(PostAccepted post) {
        return post.author() == null || post.author().handle() == null || post.author().handle().isBlank()
                ? null : post.author().handle();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
