package org.claimline.web.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.claimline.contracts.ChangeKind;
import org.claimline.contracts.TimelineChanged;
import org.claimline.web.config.WebConfig;
import org.claimline.web.domain.ChangeCheck;
import org.claimline.web.domain.FeedItem;
import org.claimline.web.domain.PageCache;
import org.claimline.web.domain.ReceivedChange;
import org.claimline.web.domain.SequenceOrdering;
import org.claimline.web.repository.TimelineStore;
import org.jboss.logging.Logger;

/**
 * Applies one batch of timeline changes to the read model in one database transaction: ordered per event by
 * sequence (duplicates skipped, gaps held), with one feed row per applied change. A change the database refuses
 * is isolated by re-running the batch with a savepoint per change, so one poison record never blocks the rest.
 */
@ApplicationScoped
public class TimelineApplier {

    private static final Logger LOG = Logger.getLogger(TimelineApplier.class);
    /** Merge chains are short; the bound only stops a cycle written by mistake. */
    private static final int MAX_MERGE_HOPS = 16;

    private final AgroalDataSource dataSource;
    private final SequenceOrdering ordering;
    private final PageCache pages;

    public TimelineApplier(AgroalDataSource dataSource, WebConfig config, PageCache pages) {
        this.dataSource = dataSource;
        this.pages = pages;
        this.ordering = new SequenceOrdering(config.timeline().firstSequence());
    }

    /** A change that cannot be applied, and why: it goes to the DLQ. */
    public record Rejected(TimelineChanged change, String reason) {
    }

    /** What a committed batch did. */
    public record Result(List<FeedItem> feed, List<Rejected> rejected, int duplicates, int held) {
    }

    /**
     * Applies and commits the batch; throws {@link SQLException} when the database cannot be used right now (the
     * caller retries the same batch: it is idempotent).
     */
    public Result apply(List<ReceivedChange> changes) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Applied applied = applyIn(connection, changes, false);
                commit(connection, applied);
                return applied.result();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                if (!isolatable(e)) {
                    throw e;
                }
                LOG.warnf("batch of %d changes failed (%s); applying them one by one", changes.size(), e.getMessage());
                Applied applied = applyIn(connection, changes, true);
                commit(connection, applied);
                return applied.result();
            }
        }
    }

    /** Commits, telling the page cache before and after, so that no cached page is served across the commit. */
    private void commit(Connection connection, Applied applied) throws SQLException {
        Collection<String> toKnowAgain = pages.beforeCommit(applied.pagesChanged());
        boolean committed = false;
        try {
            connection.commit();
            committed = true;
        } finally {
            pages.afterCommit(toKnowAgain, applied.pagesVersion(), committed);
        }
    }

    /** Applies the changes and rolls them back: the start-up rehearsal of this path, which leaves nothing behind. */
    public Result rehearse(List<ReceivedChange> changes) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return applyIn(connection, changes, false).result();
            } finally {
                connection.rollback();
            }
        }
    }

    /** What a batch did, and the events whose pages it changed with the posts version it gave them. */
    private record Applied(Result result, Set<String> pagesChanged, long pagesVersion) {
    }

    private Applied applyIn(Connection connection, List<ReceivedChange> received, boolean isolate)
            throws SQLException {
        List<TimelineChanged> changes = new ArrayList<>(received.size());
        // by identity: a record's hashCode walks the whole change
        Map<TimelineChanged, String> jsonOf = new IdentityHashMap<>();
        for (ReceivedChange r : received) {
            changes.add(r.change());
            jsonOf.put(r.change(), r.json());
        }
        TimelineStore store = new TimelineStore();
        Instant now = Instant.now();
        store.lockFeed(connection);
        Set<String> eventIds = new LinkedHashSet<>();
        for (TimelineChanged change : changes) {
            eventIds.add(change.eventId());
            if (change.merged() != null) {
                addIfPresent(eventIds, change.merged().fromEventId());
                addIfPresent(eventIds, change.merged().intoEventId());
            }
        }
        Map<String, Long> progress = store.loadProgress(connection, eventIds);
        SequenceOrdering.Outcome outcome = ordering.order(changes, progress,
                store.loadPending(connection, eventIds));
        Set<String> touched = new LinkedHashSet<>(eventIds);
        outcome.toApply().forEach(c -> {
            if (c.merged() != null) {
                addIfPresent(touched, c.merged().fromEventId());
                addIfPresent(touched, c.merged().intoEventId());
            }
        });
        Map<String, String> mergedInto = new HashMap<>(store.loadMergedInto(connection, touched));
        Set<String> postIds = new LinkedHashSet<>();
        outcome.toApply().forEach(c -> {
            if (c.post() != null && c.post().id() != null) {
                postIds.add(c.post().id());
            }
        });
        store.loadKnownPosts(connection, postIds);
        long feedId = store.lastFeedId(connection);
        List<FeedItem> feed = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();

        for (TimelineChanged change : outcome.toApply()) {
            String json = jsonOf.get(change);
            if (json == null) {
                // held earlier and read back from the database
                json = ReceivedChange.of(change).json();
            }
            Optional<String> problem = ChangeCheck.problem(change, json);
            if (problem.isPresent()) {
                rejected.add(new Rejected(change, problem.get()));
                continue;
            }
            if (change.kind() == ChangeKind.UNKNOWN) {
                continue;
            }
            Savepoint savepoint = isolate ? connection.setSavepoint() : null;
            try {
                applyOne(connection, store, change, mergedInto, now);
                if (isolate) {
                    store.flush(connection);
                    connection.releaseSavepoint(savepoint);
                }
            } catch (SQLException | RuntimeException e) {
                if (!isolate || !isolatable(e)) {
                    throw e;
                }
                connection.rollback(savepoint);
                store.clear();
                rejected.add(new Rejected(change, "refused by the read model: " + e.getMessage()));
                continue;
            }
            feedId++;
            String other = change.kind() == ChangeKind.EVENTS_MERGED ? otherEvent(change) : null;
            feed.add(new FeedItem(feedId, change.eventId(), other, change.kind().name(),
                    "{\"feedId\":" + feedId + "," + json.substring(1)));
        }
        store.flush(connection);
        Set<String> pagesChanged = store.touchPages(connection, feedId);
        store.holdPending(connection, outcome.toHold(), now);
        for (SequenceOrdering.Held released : outcome.released()) {
            store.releasePending(connection, released.eventId(), released.sequence());
        }
        store.saveProgress(connection, outcome.lastApplied());
        store.insertFeed(connection, feed, now);
        return new Applied(new Result(feed, rejected, outcome.duplicates(), outcome.toHold().size()), pagesChanged,
                feedId);
    }

    private void applyOne(Connection connection, TimelineStore store, TimelineChanged change,
            Map<String, String> mergedInto, Instant now) throws SQLException {
        Instant at = change.occurredAt() == null ? now : change.occurredAt();
        if (change.kind() == ChangeKind.EVENTS_MERGED) {
            String from = change.merged().fromEventId();
            String into = resolve(change.merged().intoEventId(), mergedInto);
            if (change.event() != null) {
                store.event(change.event(), at);
            }
            store.merge(connection, from, into, at);
            mergedInto.put(from, into);
            return;
        }
        String target = resolve(change.eventId(), mergedInto);
        if (change.event() != null) {
            store.event(change.event(), at);
        }
        if (change.storyline() != null) {
            store.storyline(change.storyline(), target);
        }
        if (change.kind() == ChangeKind.STORYLINES_MERGED) {
            store.mergeStorylines(connection, target, change.storylinesMerged().fromStorylineId(),
                    change.storylinesMerged().intoStorylineId());
        }
        if (change.kind() == ChangeKind.POST_PLACED) {
            Instant sortAt = change.post().postedAt() == null ? at : change.post().postedAt();
            String storylineId = change.storyline() == null ? null : change.storyline().id();
            store.post(new TimelineStore.PostRow(change.post(), target, storylineId, sortAt));
        }
    }

    /** The event a change lands in: itself, or the event that absorbed it. */
    private static String resolve(String eventId, Map<String, String> mergedInto) {
        String current = eventId;
        for (int hop = 0; hop < MAX_MERGE_HOPS && mergedInto.containsKey(current); hop++) {
            current = mergedInto.get(current);
        }
        return current;
    }

    /** Whether a failure lies in the data of some change (isolate and DLQ it) rather than in the database's state. */
    static boolean isolatable(Exception e) {
        if (e instanceof RuntimeException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 22: data exception (bad text, out of range), 23: integrity constraint violation.
                return state.startsWith("22") || state.startsWith("23");
            }
        }
        return false;
    }

    /** The event of a merge that is not the change's own: its watchers hear of the merge too. */
    private static String otherEvent(TimelineChanged change) {
        String from = change.merged().fromEventId();
        return from.equals(change.eventId()) ? change.merged().intoEventId() : from;
    }

    private static void addIfPresent(Set<String> ids, String id) {
        if (id != null && !id.isBlank()) {
            ids.add(id);
        }
    }
}
