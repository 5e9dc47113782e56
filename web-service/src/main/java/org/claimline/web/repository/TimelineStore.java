package org.claimline.web.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.claimline.contracts.ContractJson;
import org.claimline.contracts.EventSummary;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostSummary;
import org.claimline.contracts.SignalNote;
import org.claimline.contracts.StorylineSummary;
import org.claimline.contracts.TimelineChanged;
import org.claimline.web.domain.FeedItem;

/**
 * The write side of the read model in plain JDBC on one connection (one transaction per batch): multi-row upserts
 * with JDBC batching instead of one entity write per post, and an advisory lock so feed ids are committed in order.
 * Upserts of one batch are collected and written last-state-wins at {@link #flush(Connection)}.
 */
public class TimelineStore {

    /** Serialises feed writers on one database, so a reader never sees id N+1 committed before N. */
    private static final long FEED_LOCK = 0x436c61696d6cL;
    private static final String MERGED = "merged";
    /** The storyline id of event-wide activity and signal counts. */
    public static final String EVENT_SCOPE = "";

    private final Map<String, EventSummary> events = new LinkedHashMap<>();
    private final Map<String, Instant> eventActivity = new HashMap<>();
    private final Map<String, StorylineSummary> storylines = new LinkedHashMap<>();
    private final Map<String, PostRow> posts = new LinkedHashMap<>();
    /** Posts already in the read model or placed earlier in this batch: a re-placement is not new activity. */
    private final Set<String> knownPosts = new HashSet<>();
    /** Events whose timeline pages this batch changes: their posts_version (the pages' ETag) moves on. */
    private final Set<String> pagesChanged = new HashSet<>();
    private final Map<List<Object>, Integer> activity = new HashMap<>();
    private final Map<List<Object>, Integer> signalCounts = new HashMap<>();

    /** A post as placed, with where it goes in this read model. */
    public record PostRow(PostSummary post, String eventId, String storylineId, Instant sortAt) {
    }

    public void lockFeed(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            statement.setLong(1, FEED_LOCK);
            statement.execute();
        }
    }

    public long lastFeedId(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(max(id), 0) FROM feed");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public Map<String, Long> loadProgress(Connection connection, Set<String> eventIds) throws SQLException {
        Map<String, Long> progress = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT event_id, last_sequence FROM timeline_progress WHERE event_id = ANY(?) FOR UPDATE")) {
            statement.setArray(1, textArray(connection, eventIds));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    progress.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return progress;
    }

    public Map<String, NavigableMap<Long, TimelineChanged>> loadPending(Connection connection, Set<String> eventIds)
            throws SQLException {
        Map<String, NavigableMap<Long, TimelineChanged>> pending = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT event_id, sequence, payload FROM timeline_pending WHERE event_id = ANY(?)")) {
            statement.setArray(1, textArray(connection, eventIds));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TimelineChanged change = ContractJson.read(
                            rows.getString(3).getBytes(java.nio.charset.StandardCharsets.UTF_8), TimelineChanged.class);
                    pending.computeIfAbsent(rows.getString(1), e -> new TreeMap<>()).put(rows.getLong(2), change);
                }
            }
        }
        return pending;
    }

    /** For events absorbed by a merge: the event that absorbed them. */
    public Map<String, String> loadMergedInto(Connection connection, Set<String> eventIds) throws SQLException {
        Map<String, String> merged = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, merged_into FROM events WHERE id = ANY(?) AND merged_into IS NOT NULL")) {
            statement.setArray(1, textArray(connection, eventIds));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    merged.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return merged;
    }

    public void holdPending(Connection connection, Collection<TimelineChanged> held, Instant now) throws SQLException {
        if (held.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO timeline_pending (event_id, sequence, payload, received_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")) {
            for (TimelineChanged change : held) {
                statement.setString(1, change.eventId());
                statement.setLong(2, change.sequence());
                statement.setString(3, new String(ContractJson.write(change), java.nio.charset.StandardCharsets.UTF_8));
                statement.setTimestamp(4, Timestamp.from(now));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    public void releasePending(Connection connection, String eventId, long sequence) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM timeline_pending WHERE event_id = ? AND sequence = ?")) {
            statement.setString(1, eventId);
            statement.setLong(2, sequence);
            statement.executeUpdate();
        }
    }

    public void saveProgress(Connection connection, Map<String, Long> lastApplied) throws SQLException {
        if (lastApplied.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO timeline_progress (event_id, last_sequence) VALUES (?, ?) ON CONFLICT (event_id) "
                        + "DO UPDATE SET last_sequence = GREATEST(timeline_progress.last_sequence, "
                        + "EXCLUDED.last_sequence)")) {
            for (Map.Entry<String, Long> entry : lastApplied.entrySet()) {
                statement.setString(1, entry.getKey());
                statement.setLong(2, entry.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    public void event(EventSummary event, Instant activityAt) {
        events.put(event.id(), event);
        eventActivity.merge(event.id(), activityAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    public void storyline(StorylineSummary storyline, String eventId) {
        storylines.put(storyline.id(), inEvent(storyline, eventId));
    }

    /**
     * Remembers which of these posts the read model already holds, so that only new ones count as activity, and
     * the events they are in now, whose pages a re-placement changes too.
     */
    public void loadKnownPosts(Connection connection, Set<String> postIds) throws SQLException {
        if (postIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, event_id FROM posts WHERE id = ANY(?)")) {
            statement.setArray(1, textArray(connection, postIds));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    knownPosts.add(rows.getString(1));
                    pagesChanged.add(rows.getString(2));
                }
            }
        }
    }

    public void post(PostRow row) {
        posts.put(row.post().id(), row);
        pagesChanged.add(row.eventId());
        if (!knownPosts.add(row.post().id())) {
            return;
        }
        Instant minute = row.sortAt().truncatedTo(ChronoUnit.MINUTES);
        List<String> scopes = row.storylineId() == null ? List.of(EVENT_SCOPE) : List.of(EVENT_SCOPE,
                row.storylineId());
        Set<String> types = new HashSet<>();
        row.post().signals().forEach(signal -> {
            if (signal.type() != null && !signal.type().isBlank()) {
                types.add(signal.type());
            }
        });
        for (String scope : scopes) {
            activity.merge(List.of(row.eventId(), scope, minute), 1, Integer::sum);
            for (String type : types) {
                signalCounts.merge(List.of(row.eventId(), scope, type), 1, Integer::sum);
            }
        }
    }

    /**
     * Moves everything of {@code fromEventId} to {@code intoEventId} and marks it merged (a stub if unknown yet). The
     * batch's rows not written yet move in memory and the statements move the stored ones, so a merge does not split
     * the batch's multi-row writes in two.
     */
    public void merge(Connection connection, String fromEventId, String intoEventId, Instant at) throws SQLException {
        posts.replaceAll((id, row) -> fromEventId.equals(row.eventId())
                ? new PostRow(row.post(), intoEventId, row.storylineId(), row.sortAt()) : row);
        storylines.replaceAll((id, st) -> fromEventId.equals(st.eventId()) ? inEvent(st, intoEventId) : st);
        movePendingCounts(activity, fromEventId, null, intoEventId, null);
        movePendingCounts(signalCounts, fromEventId, null, intoEventId, null);
        pagesChanged.add(fromEventId);
        pagesChanged.add(intoEventId);
        try (PreparedStatement storylineMove = connection.prepareStatement(
                "UPDATE storylines SET event_id = ? WHERE event_id = ?");
                PreparedStatement postMove = connection.prepareStatement(
                        "UPDATE posts SET event_id = ? WHERE event_id = ?");
                PreparedStatement mark = connection.prepareStatement(
                        "INSERT INTO events (id, status, last_activity_at, merged_into) VALUES (?, ?, ?, ?) "
                                + "ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, "
                                + "merged_into = EXCLUDED.merged_into")) {
            storylineMove.setString(1, intoEventId);
            storylineMove.setString(2, fromEventId);
            storylineMove.executeUpdate();
            postMove.setString(1, intoEventId);
            postMove.setString(2, fromEventId);
            postMove.executeUpdate();
            moveCounts(connection, "activity", "bucket", fromEventId, intoEventId);
            moveCounts(connection, "signal_counts", "type", fromEventId, intoEventId);
            mark.setString(1, fromEventId);
            mark.setString(2, MERGED);
            mark.setTimestamp(3, Timestamp.from(at));
            mark.setString(4, intoEventId);
            mark.executeUpdate();
        }
    }

    /**
     * Moves every post of storyline {@code from} to {@code into} (a storyline merge inside {@code eventId}), with its
     * activity and signal counts, and removes the absorbed storyline. Each moved post's stored JSON names its new
     * storyline: the key and value are replaced literally, as Jackson (and migration V3's json_strip_nulls) wrote them,
     * compact; inside a JSON string every quote is escaped, so post text can never match.
     */
    public void mergeStorylines(Connection connection, String eventId, String from, String into)
            throws SQLException {
        // the batch's rows not written yet move in memory, the statements below move the stored ones
        posts.replaceAll((id, row) -> from.equals(row.storylineId())
                ? new PostRow(row.post(), row.eventId(), into, row.sortAt()) : row);
        storylines.remove(from);
        movePendingCounts(activity, eventId, from, eventId, into);
        movePendingCounts(signalCounts, eventId, from, eventId, into);
        pagesChanged.add(eventId);
        try (PreparedStatement postMove = connection.prepareStatement(
                "UPDATE posts SET storyline_id = ?, api_json = replace(api_json, "
                        + "'\"storylineId\":' || to_json(?::text)::text, '\"storylineId\":' || to_json(?::text)::text) "
                        + "WHERE storyline_id = ?");
                PreparedStatement remove = connection.prepareStatement("DELETE FROM storylines WHERE id = ?")) {
            postMove.setString(1, into);
            postMove.setString(2, from);
            postMove.setString(3, into);
            postMove.setString(4, from);
            postMove.executeUpdate();
            moveStorylineCounts(connection, "activity", "bucket", eventId, from, into);
            moveStorylineCounts(connection, "signal_counts", "type", eventId, from, into);
            remove.setString(1, from);
            remove.executeUpdate();
        }
    }

    /**
     * Moves the batch's unwritten count increments (keys: event, scope, bucket or type) of an event, or of one storyline
     * of it when {@code fromScope} is given, to another event or storyline, adding to what is there.
     */
    private static void movePendingCounts(Map<List<Object>, Integer> counts, String fromEvent, String fromScope,
            String intoEvent, String intoScope) {
        Map<List<Object>, Integer> moved = new HashMap<>();
        counts.entrySet().removeIf(entry -> {
            List<Object> key = entry.getKey();
            if (!fromEvent.equals(key.get(0)) || (fromScope != null && !fromScope.equals(key.get(1)))) {
                return false;
            }
            moved.merge(List.of(intoEvent, intoScope != null ? intoScope : key.get(1), key.get(2)), entry.getValue(),
                    Integer::sum);
            return true;
        });
        moved.forEach((key, n) -> counts.merge(key, n, Integer::sum));
    }

    private static StorylineSummary inEvent(StorylineSummary st, String eventId) {
        return new StorylineSummary(st.id(), eventId, st.label(), st.firstPostId(), st.firstPostAt(), st.lastPostAt(),
                st.postCount(), st.authorCount(), st.corroboration());
    }

    /** An event's counts, per storyline, move to the absorbing event. */
    private static void moveCounts(Connection connection, String table, String key, String from, String into)
            throws SQLException {
        moveCountRows(connection, table, key, "?, storyline_id", "event_id = ?", into, from);
    }

    /** A storyline's counts live under the event that holds it now (an event merge moves them along). */
    private static void moveStorylineCounts(Connection connection, String table, String key, String eventId,
            String from, String into) throws SQLException {
        moveCountRows(connection, table, key, "event_id, ?", "event_id = ? AND storyline_id = ?", into, eventId,
                from);
    }

    /**
     * Adds the count rows {@code where} selects to the rows they become ({@code selected}: event and storyline, one
     * of them the parameter {@code target}), then deletes them.
     */
    private static void moveCountRows(Connection connection, String table, String key, String selected, String where,
            String target, String... whereArgs) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement(
                "INSERT INTO " + table + " (event_id, storyline_id, " + key + ", posts) SELECT " + selected + ", "
                        + key + ", posts FROM " + table + " WHERE " + where + " ON CONFLICT (event_id, storyline_id, "
                        + key + ") DO UPDATE SET posts = " + table + ".posts + EXCLUDED.posts");
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE " + where)) {
            move.setString(1, target);
            for (int i = 0; i < whereArgs.length; i++) {
                move.setString(i + 2, whereArgs[i]);
                delete.setString(i + 1, whereArgs[i]);
            }
            move.executeUpdate();
            delete.executeUpdate();
        }
    }

    public void insertFeed(Connection connection, List<FeedItem> items, Instant now) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO feed (id, event_id, other_event_id, kind, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (FeedItem item : items) {
                statement.setLong(1, item.id());
                statement.setString(2, item.eventId());
                statement.setString(3, item.otherEventId());
                statement.setString(4, item.kind());
                statement.setString(5, item.data());
                statement.setTimestamp(6, Timestamp.from(now));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Moves the ETag of every event whose pages this batch changed to the batch's last feed id (after flush); returns
     * those events.
     */
    public Set<String> touchPages(Connection connection, long lastFeedId) throws SQLException {
        if (pagesChanged.isEmpty()) {
            return Set.of();
        }
        Set<String> touched = Set.copyOf(pagesChanged);
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE events SET posts_version = ? WHERE id = ANY(?) AND posts_version < ?")) {
            statement.setLong(1, lastFeedId);
            statement.setArray(2, textArray(connection, pagesChanged));
            statement.setLong(3, lastFeedId);
            statement.executeUpdate();
        }
        pagesChanged.clear();
        return touched;
    }

    /** Writes the collected upserts; an absorbed event keeps its merged status whatever its summary says. */
    public void flush(Connection connection) throws SQLException {
        if (!events.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO events (id, title, status, place_name, lat, lon, radius_km, first_post_at, "
                            + "last_post_at, post_count, author_count, storyline_count, last_activity_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                            + "title = EXCLUDED.title, "
                            + "status = CASE WHEN events.merged_into IS NULL THEN EXCLUDED.status ELSE events.status END, "
                            + "place_name = EXCLUDED.place_name, lat = EXCLUDED.lat, lon = EXCLUDED.lon, "
                            + "radius_km = EXCLUDED.radius_km, first_post_at = EXCLUDED.first_post_at, "
                            + "last_post_at = EXCLUDED.last_post_at, post_count = EXCLUDED.post_count, "
                            + "author_count = EXCLUDED.author_count, storyline_count = EXCLUDED.storyline_count, "
                            + "last_activity_at = GREATEST(events.last_activity_at, EXCLUDED.last_activity_at)")) {
                for (EventSummary event : events.values()) {
                    Place place = event.place();
                    statement.setString(1, event.id());
                    statement.setString(2, event.title());
                    statement.setString(3, event.status() == null ? "live" : event.status());
                    statement.setString(4, place == null ? null : place.name());
                    setDouble(statement, 5, place == null ? null : place.lat());
                    setDouble(statement, 6, place == null ? null : place.lon());
                    setDouble(statement, 7, place == null ? null : place.radiusKm());
                    setTime(statement, 8, event.firstPostAt());
                    setTime(statement, 9, event.lastPostAt());
                    statement.setLong(10, event.postCount());
                    statement.setLong(11, event.authorCount());
                    statement.setInt(12, event.storylineCount());
                    setTime(statement, 13, eventActivity.get(event.id()));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            events.clear();
            eventActivity.clear();
        }
        if (!storylines.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO storylines (id, event_id, label, first_post_id, first_post_at, last_post_at, "
                            + "post_count, author_count, corroboration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (id) DO UPDATE SET event_id = EXCLUDED.event_id, label = EXCLUDED.label, "
                            + "first_post_id = EXCLUDED.first_post_id, first_post_at = EXCLUDED.first_post_at, "
                            + "last_post_at = EXCLUDED.last_post_at, post_count = EXCLUDED.post_count, "
                            + "author_count = EXCLUDED.author_count, corroboration = EXCLUDED.corroboration")) {
                for (StorylineSummary storyline : storylines.values()) {
                    statement.setString(1, storyline.id());
                    statement.setString(2, storyline.eventId());
                    statement.setString(3, storyline.label());
                    statement.setString(4, storyline.firstPostId());
                    setTime(statement, 5, storyline.firstPostAt());
                    setTime(statement, 6, storyline.lastPostAt());
                    statement.setLong(7, storyline.postCount());
                    statement.setLong(8, storyline.authorCount());
                    statement.setLong(9, storyline.corroboration());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            storylines.clear();
        }
        if (!posts.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO posts (id, event_id, storyline_id, sort_at, author_handle, author_name, text, lang, "
                            + "place_name, signal_types, api_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (id) DO UPDATE SET event_id = EXCLUDED.event_id, "
                            + "storyline_id = EXCLUDED.storyline_id, sort_at = EXCLUDED.sort_at, "
                            + "author_handle = EXCLUDED.author_handle, author_name = EXCLUDED.author_name, "
                            + "text = EXCLUDED.text, lang = EXCLUDED.lang, place_name = EXCLUDED.place_name, "
                            + "signal_types = EXCLUDED.signal_types, api_json = EXCLUDED.api_json")) {
                for (PostRow row : posts.values()) {
                    PostSummary post = row.post();
                    statement.setString(1, post.id());
                    statement.setString(2, row.eventId());
                    statement.setString(3, row.storylineId());
                    setTime(statement, 4, row.sortAt());
                    statement.setString(5, post.author() == null ? null : post.author().handle());
                    statement.setString(6, post.author() == null ? null : post.author().displayName());
                    statement.setString(7, post.text());
                    statement.setString(8, post.lang());
                    statement.setString(9, post.place() == null ? null : post.place().name());
                    statement.setString(10, signalTypes(post.signals()));
                    statement.setString(11, PostJson.render(post, row.storylineId()));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            posts.clear();
        }
        if (!activity.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO activity (event_id, storyline_id, bucket, posts) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (event_id, storyline_id, bucket) DO UPDATE SET "
                            + "posts = activity.posts + EXCLUDED.posts")) {
                for (Map.Entry<List<Object>, Integer> entry : activity.entrySet()) {
                    statement.setString(1, (String) entry.getKey().get(0));
                    statement.setString(2, (String) entry.getKey().get(1));
                    setTime(statement, 3, (Instant) entry.getKey().get(2));
                    statement.setInt(4, entry.getValue());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            activity.clear();
        }
        if (!signalCounts.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO signal_counts (event_id, storyline_id, type, posts) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (event_id, storyline_id, type) DO UPDATE SET "
                            + "posts = signal_counts.posts + EXCLUDED.posts")) {
                for (Map.Entry<List<Object>, Integer> entry : signalCounts.entrySet()) {
                    statement.setString(1, (String) entry.getKey().get(0));
                    statement.setString(2, (String) entry.getKey().get(1));
                    statement.setString(3, (String) entry.getKey().get(2));
                    statement.setInt(4, entry.getValue());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            signalCounts.clear();
        }
    }

    /** Forgets collected upserts (after a rollback). */
    public void clear() {
        events.clear();
        eventActivity.clear();
        storylines.clear();
        posts.clear();
        activity.clear();
        signalCounts.clear();
    }

    /** Signal types as a space-delimited list (" recycled-media copy-paste "), so a filter is one LIKE. */
    static String signalTypes(List<SignalNote> signals) {
        if (signals.isEmpty()) {
            return "";
        }
        return signals.stream().map(SignalNote::type).filter(t -> t != null && !t.isBlank()).distinct()
                .collect(Collectors.joining(" ", " ", " "));
    }

    private static Array textArray(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static void setTime(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(value.truncatedTo(ChronoUnit.MICROS)));
        }
    }
}
