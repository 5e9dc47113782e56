package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import org.hibernate.Session;

/** Signals raised by placed posts. */
@ApplicationScoped
public class PostSignalRepository implements PanacheRepositoryBase<PostSignalEntity, Long> {

    private static final String INSERT = "insert into post_signals (id, post_id, storyline_id, type, reason, "
            + "related_post_id) values (?, ?, ?, ?, ?, ?)";

    /** Inserts new signals in one JDBC batch on the session's connection (why: see PostRepository.insertAll). */
    public void insertAll(List<PostSignalEntity> rows) {
        if (rows.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            long[] keys = SequenceBlocks.draw(connection, "post_signals_seq", PostSignalEntity.ALLOCATION,
                    rows.size());
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < rows.size(); i++) {
                    PostSignalEntity row = rows.get(i);
                    row.id = keys[i];
                    insert.setLong(1, row.id);
                    insert.setString(2, row.postId);
                    insert.setString(3, row.storylineId);
                    insert.setString(4, row.type);
                    insert.setString(5, row.reason);
                    if (row.relatedPostId == null) {
                        insert.setNull(6, Types.VARCHAR);
                    } else {
                        insert.setString(6, row.relatedPostId);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
