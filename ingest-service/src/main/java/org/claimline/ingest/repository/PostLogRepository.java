package org.claimline.ingest.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads the post log: a post by id (Panache), and which post an Idempotency-Key was used for (plain JDBC, any thread).
 * Both go through the {@link DatabaseGate}: while the database is down they fail at once with
 * {@link DatabaseUnavailableException}.
 */
@ApplicationScoped
public class PostLogRepository implements PanacheRepositoryBase<PostLogEntry, String> {

    private static final String KEY_QUERY = "select id, request_hash from post_log where idempotency_key = ?";

    private final AgroalDataSource dataSource;
    private final DatabaseGate gate;

    public PostLogRepository(AgroalDataSource dataSource, DatabaseGate gate) {
        this.dataSource = dataSource;
        this.gate = gate;
    }

    public Optional<PostLogRow> findRow(String id) {
        return gate.call(() -> findByIdOptional(id).map(PostLogRow::from));
    }

    /** The post id and request hash first stored under this key; needs no Hibernate session. */
    public Optional<KeyUse> findKeyUse(String idempotencyKey) {
        gate.requireUp();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(KEY_QUERY)) {
            s.setString(1, idempotencyKey);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new KeyUse(r.getString(1), r.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw gate.failure(e);
        }
    }

    /** The post an Idempotency-Key was first used for, and the hash of that request. */
    public record KeyUse(String postId, String requestHash) {
    }
}
