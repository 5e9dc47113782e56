package org.claimline.ingest.repository;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSource.FlushMode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.claimline.ingest.config.IngestConfig;
import org.jboss.logging.Logger;

/**
 * Knows whether ingest's database answers. Every database call goes through it: while the database is known to be down
 * a call fails at once with {@link DatabaseUnavailableException} (so a request answers 503 in milliseconds instead of
 * waiting on connection timeouts), and a call that fails because the database is unreachable closes the gate. A probe
 * then asks the database every few hundred milliseconds and opens the gate again as soon as it answers, so ingest
 * recovers by itself. Failures that are not about reaching the database (a bad statement) pass through unchanged.
 */
@ApplicationScoped
public class DatabaseGate {

    private static final Logger LOG = Logger.getLogger(DatabaseGate.class);
    /** SQLSTATE classes meaning "the database cannot be reached or cannot work now": connection, resources, shutdown. */
    private static final String[] OUTAGE_STATES = {"08", "53", "57P"};

    private final AgroalDataSource dataSource;
    private final long probeIntervalMillis;
    private final int probeTimeoutSeconds;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "claimline-database-probe");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean up = true;

    public DatabaseGate(AgroalDataSource dataSource, IngestConfig config) {
        this.dataSource = dataSource;
        this.probeIntervalMillis = config.database().probeInterval().toMillis();
        this.probeTimeoutSeconds = (int) Math.max(1, config.database().probeTimeout().toSeconds());
    }

    /** Whether the database answered the last call (or the probe since it failed). */
    public boolean isUp() {
        return up;
    }

    /** Fails at once with {@link DatabaseUnavailableException} while the database is known to be down. */
    public void requireUp() {
        if (!up) {
            throw new DatabaseUnavailableException("the database is unreachable; retry later", null);
        }
    }

    /** Runs a database call: refused at once while the database is down; an outage it meets closes the gate. */
    public <T> T call(Supplier<T> action) {
        requireUp();
        try {
            return action.get();
        } catch (DatabaseUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /**
     * What a failed database call should throw: a {@link DatabaseUnavailableException} (and the gate closed) when the
     * cause is that the database cannot be reached, otherwise the failure itself (wrapped when checked).
     */
    public RuntimeException failure(Exception e) {
        if (isOutage(e)) {
            down(e);
            return new DatabaseUnavailableException("the database is unreachable; retry later", e);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }

    /** The database answered (the post log committed a batch): open the gate. */
    public void up() {
        if (!up) {
            LOG.info("the database answers again");
        }
        up = true;
    }

    /** A call met an outage: refuse database work until the probe reaches the database. */
    public void down(Throwable cause) {
        if (up) {
            LOG.warnf("the database is unreachable (%s); answering 503 to what needs it until it is back",
                    cause == null ? "no answer" : cause.getMessage());
            // idle pooled connections died with the server: drop them so that none is handed out after it returns
            dataSource.flush(FlushMode.IDLE);
        }
        up = false;
        if (probing.compareAndSet(false, true)) {
            scheduler.schedule(this::probe, probeIntervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** True when a failure (anywhere in its causes) means the database cannot be reached, not that a statement is bad. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null) {
                    return true; // the pool's own refusals (acquisition timeout) and driver I/O failures carry none
                }
                for (String outage : OUTAGE_STATES) {
                    if (state.startsWith(outage)) {
                        return true;
                    }
                }
                return false;
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private void probe() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(probeTimeoutSeconds)) {
                dataSource.flush(FlushMode.IDLE);
                probing.set(false);
                up();
                return;
            }
        } catch (SQLException e) {
            LOG.debugf("database probe failed: %s", e.getMessage());
        }
        dataSource.flush(FlushMode.INVALID);
        scheduler.schedule(this::probe, probeIntervalMillis, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }
}
