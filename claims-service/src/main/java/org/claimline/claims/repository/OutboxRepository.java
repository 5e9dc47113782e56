package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

/**
 * Timeline changes waiting to be published, oldest first. Rows are written, read and deleted by JDBC on the session's
 * connection: every change passes through this table once, and Hibernate's per-entity bookkeeping on that path cost
 * more than the SQL.
 */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEntity, Long> {

    private static final String INSERT = "insert into outbox (id, event_id, sequence, kind, payload, created_at) "
            + "values (?, ?, ?, ?, ?, ?)";
    private static final String OLDEST = "select id, event_id, payload from outbox order by id limit ?";
    private static final String LOCK = "select pg_try_advisory_xact_lock(?)";
    private static final String DELETE = "delete from outbox where id = any(?)";

    /**
     * Takes the relay's lock for this transaction; false when another instance's relay holds it, so that changes are
     * published by one relay at a time and in key order.
     */
    public boolean tryRelayLock(long lockKey) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setLong(1, lockKey);
                try (ResultSet result = lock.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        });
    }

    /** Inserts new rows in one JDBC batch, keys drawn here in list order (the order they will be published in). */
    public void insertAll(List<OutboxEntity> rows) {
        if (rows.isEmpty()) {
            return;
        }
        session().doWork(connection -> SequenceBlocks.insertAll(connection, "outbox_seq",
                OutboxEntity.ALLOCATION, INSERT, rows, (insert, row, key) -> {
                    row.id = key;
                    insert.setLong(1, key);
                    insert.setString(2, row.eventId);
                    insert.setLong(3, row.sequence);
                    insert.setString(4, row.kind);
                    insert.setString(5, row.payload);
                    insert.setObject(6, row.createdAt.atOffset(ZoneOffset.UTC));
                }));
    }

    /** The oldest rows, in key order: what the relay publishes next. */
    public List<Pending> oldest(int limit) {
        return session().doReturningWork(connection -> {
            List<Pending> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(OLDEST)) {
                select.setInt(1, limit);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Pending(result.getLong(1), result.getString(2), result.getString(3)));
                    }
                }
            }
            return rows;
        });
    }

    public long deleteByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return session().doReturningWork(connection -> {
            Array keys = connection.createArrayOf("bigint", ids.toArray());
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setArray(1, keys);
                return (long) delete.executeUpdate();
            } finally {
                keys.free();
            }
        });
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }

    /** A change waiting for the broker: its key, the event it belongs to (the record key) and its JSON. */
    public record Pending(long id, String eventId, String payload) {
    }
}
