package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.Session;

/** Signals raised by placed posts. */
@ApplicationScoped
public class PostSignalRepository implements PanacheRepositoryBase<PostSignalEntity, Long> {

    private static final String INSERT = "insert into post_signals (id, post_id, storyline_id, type, reason, "
            + "related_post_id) values (?, ?, ?, ?, ?, ?)";

    /** Inserts new signals in one JDBC batch on the session's connection (why: see SequenceBlocks.insertAll). */
    public void insertAll(List<PostSignalEntity> rows) {
        if (rows.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> SequenceBlocks.insertAll(connection,
                "post_signals_seq", PostSignalEntity.ALLOCATION, INSERT, rows, (insert, row, key) -> {
                    row.id = key;
                    insert.setLong(1, key);
                    insert.setString(2, row.postId);
                    insert.setString(3, row.storylineId);
                    insert.setString(4, row.type);
                    insert.setString(5, row.reason);
                    insert.setString(6, row.relatedPostId);
                }));
    }
}
