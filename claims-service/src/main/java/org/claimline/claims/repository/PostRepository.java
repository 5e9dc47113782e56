package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/** Placed posts of claims' own database, in placement order. */
@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<PostEntity, Long> {

    /** Which of these post ids are placed already: one query for a whole batch. */
    public Set<String> existingIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        // one statement text whatever the batch size, so PostgreSQL and the driver reuse one prepared plan
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            Set<String> found = new HashSet<>();
            Array keys = connection.createArrayOf("varchar", ids.toArray());
            try (PreparedStatement select = connection.prepareStatement(EXISTING)) {
                select.setArray(1, keys);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            } finally {
                keys.free();
            }
            return found;
        });
    }

    private static final String EXISTING = "select id from posts where id = any(?)";
    private static final String INSERT = "insert into posts (placement, id, event_id, storyline_id, author_handle, "
            + "posted_at, placed_at, reasons, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Inserts new posts in placement order (their keys drawn here) in one JDBC batch on the session's connection. The
     * rows are not managed entities afterwards.
     */
    public void insertAll(List<PostEntity> rows) {
        if (rows.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> SequenceBlocks.insertAll(connection,
                "posts_seq", PostEntity.ALLOCATION, INSERT, rows, (insert, row, key) -> {
                    row.placement = key;
                    insert.setLong(1, key);
                    insert.setString(2, row.id);
                    insert.setString(3, row.eventId);
                    insert.setString(4, row.storylineId);
                    insert.setString(5, row.authorHandle);
                    insert.setObject(6, row.postedAt.atOffset(ZoneOffset.UTC));
                    insert.setObject(7, row.placedAt.atOffset(ZoneOffset.UTC));
                    insert.setString(8, row.reasons);
                    insert.setString(9, row.payload);
                }));
    }

    /** The placement number from which the latest {@code count} placements start, or 0 when there are fewer. */
    public long replayStart(int count) {
        List<Long> start = getEntityManager()
                .createQuery("select p.placement from PostEntity p order by p.placement desc", Long.class)
                .setFirstResult(Math.max(0, count - 1))
                .setMaxResults(1)
                .getResultList();
        return start.isEmpty() ? 0 : start.get(0);
    }

    /** Up to {@code limit} placements from {@code fromPlacement} on, in placement order. */
    public List<PostEntity> page(long fromPlacement, int limit) {
        return find("placement >= ?1 order by placement", fromPlacement).page(0, limit).list();
    }
}
