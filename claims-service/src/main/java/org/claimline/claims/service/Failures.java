package org.claimline.claims.service;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a passing outage (database unreachable, restarting, out of connections: wait and retry, never dead-letter)
 * from a failure that lies in the data (a value PostgreSQL refuses: the post is poison).
 */
final class Failures {

    /** SQLState classes of outages: connection, insufficient resources, operator intervention, system error, rollback. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "58", "40", "XX");
    /** SQLState classes of bad data: data exception, integrity constraint violation. */
    private static final Set<String> DATA_CLASSES = Set.of("22", "23");

    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // the pool's acquisition timeout carries no SQLState: no connection could be had
                if (state == null || state.length() < 2 || TRANSIENT_CLASSES.contains(state.substring(0, 2))) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isBadData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && DATA_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, for a dead letter's reason header. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? "unexpected failure" : root.getMessage();
    }
}
