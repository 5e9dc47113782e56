package org.claimline.claims.repository;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import org.hibernate.Session;

/**
 * Runs the statements of a merge on the session's connection directly: through Hibernate, each would flush every
 * entity of the batch again, which cost a quarter of claims' CPU on a stream with one merge per 70 posts.
 */
final class ContentMove {

    private ContentMove() {
    }

    /**
     * Runs each of {@code moves} with (into, from) and returns the rows the last one changed: the authors' insert, so
     * the caller adds the authors new to {@code into} instead of counting them all (a count walked every author of a
     * large event or storyline on each merge).
     */
    static long run(EntityManager entityManager, String[] moves, String from, String into) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            long changed = 0;
            for (String sql : moves) {
                try (PreparedStatement move = connection.prepareStatement(sql)) {
                    move.setString(1, into);
                    move.setString(2, from);
                    changed = move.executeUpdate();
                }
            }
            return changed;
        });
    }
}
