package org.claimline.web.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an event's timeline newest first by keyset (sort_at, id), served by the timeline indexes, in plain JDBC:
 * a page is one index scan returning each post's stored API JSON, with no entity to hydrate.
 */
@ApplicationScoped
public class PostRepository {

    /** text, author handle, author name, place name. */
    private static final int SEARCHED_COLUMNS = 4;

    private final AgroalDataSource dataSource;

    public PostRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Narrowing of a timeline; null parts do not narrow. {@code text} searches text, author and place. */
    public record Filter(String storylineId, String text, String signal, String lang) {
    }

    /** A post of a page: its keyset and its stored JSON (without eventId). */
    public record StoredPost(String id, Instant sortAt, String json) {
    }

    /**
     * A page of the timeline and the event's posts version, read before it or with it so that a page is never older
     * than its version (null when there is none to give); posts is null when the caller already has that version.
     */
    public record Timeline(boolean eventKnown, Long version, List<StoredPost> posts) {
    }

    /** The page, unless the event's posts version is one of {@code knownVersions} (then only the version). */
    public Timeline timeline(String eventId, Filter filter, Instant afterAt, String afterId, int limit,
            Set<Long> knownVersions) {
        // the version in the page's own statement (one snapshot, one round trip), unless the client names
        // versions: then it is read first, so that a 304 costs one primary-key lookup and no page
        boolean versionFirst = !knownVersions.isEmpty();
        StringBuilder sql = new StringBuilder(versionFirst ? "SELECT id, sort_at, api_json"
                : "SELECT id, sort_at, api_json, (SELECT posts_version FROM events WHERE id = ?)");
        sql.append(" FROM posts WHERE event_id = ?");
        List<Object> parameters = new ArrayList<>();
        if (!versionFirst) {
            parameters.add(eventId);
        }
        parameters.add(eventId);
        if (filter.storylineId() != null) {
            sql.append(" AND storyline_id = ?");
            parameters.add(filter.storylineId());
        }
        if (filter.lang() != null) {
            sql.append(" AND lang = ?");
            parameters.add(filter.lang());
        }
        if (filter.signal() != null) {
            sql.append(" AND signal_types LIKE ? ESCAPE '!'");
            parameters.add("% " + likeEscape(filter.signal()) + " %");
        }
        if (filter.text() != null) {
            sql.append(" AND (lower(text) LIKE ? ESCAPE '!' OR lower(author_handle) LIKE ? ESCAPE '!'"
                    + " OR lower(author_name) LIKE ? ESCAPE '!' OR lower(place_name) LIKE ? ESCAPE '!')");
            String pattern = "%" + likeEscape(filter.text().toLowerCase(Locale.ROOT)) + "%";
            for (int i = 0; i < SEARCHED_COLUMNS; i++) {
                parameters.add(pattern);
            }
        }
        if (afterAt != null) {
            OffsetDateTime at = OffsetDateTime.ofInstant(afterAt, ZoneOffset.UTC);
            sql.append(" AND sort_at <= ? AND (sort_at < ? OR id < ?)");
            parameters.add(at);
            parameters.add(at);
            parameters.add(afterId);
        }
        sql.append(" ORDER BY sort_at DESC, id DESC LIMIT ?");
        parameters.add(limit);
        try (Connection connection = dataSource.getConnection()) {
            Long version = null;
            if (versionFirst) {
                version = version(connection, eventId);
                if (version != null && knownVersions.contains(version)) {
                    return new Timeline(true, version, null);
                }
            }
            List<StoredPost> posts = new ArrayList<>(limit);
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        posts.add(new StoredPost(rows.getString(1),
                                rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(3)));
                        if (!versionFirst && version == null) {
                            long value = rows.getLong(4);
                            version = rows.wasNull() ? null : value;
                        }
                    }
                }
            }
            if (!versionFirst && posts.isEmpty()) {
                // No row carried the version. An empty page (rare) only asks whether the event exists: a version
                // read after the page could be newer than it, and a client holding it would miss the post between.
                return new Timeline(version(connection, eventId) != null, null, posts);
            }
            return new Timeline(version != null || !posts.isEmpty(), version, posts);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the timeline of an event", e);
        }
    }

    private static Long version(Connection connection, String eventId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT posts_version FROM events WHERE id = ?")) {
            statement.setString(1, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private static String likeEscape(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
