package org.claimline.ingest.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.claimline.ingest.config.IngestConfig;
import org.jboss.logging.Logger;

/**
 * Appends accepted posts to the post log in batches on one thread: whatever queued while the previous batch committed
 * goes into the next multi-row INSERT, in one transaction (group commit). No request ever waits for a commit, and at
 * high rates one commit covers hundreds of posts. Rows are kept in memory until committed so reads see them at once.
 */
@ApplicationScoped
public class PostLogWriter {

    private static final Logger LOG = Logger.getLogger(PostLogWriter.class);
    private static final String INSERT = "insert into post_log (id, platform, external_id, posted_at, accepted_at, "
            + "idempotency_key, request_hash, record) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
    private static final long POLL_MILLIS = 100;
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final AgroalDataSource dataSource;
    private final int batchSize;
    private final long retryBackoffMillis;
    private final BlockingQueue<PostLogRow> queue;
    private final Map<String, PostLogRow> pendingById = new ConcurrentHashMap<>();
    private final Map<String, PostLogRow> pendingByKey = new ConcurrentHashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean databaseUp = true;
    private volatile boolean running;
    private Thread thread;

    public PostLogWriter(AgroalDataSource dataSource, IngestConfig config) {
        this.dataSource = dataSource;
        this.batchSize = config.postLog().batchSize();
        this.retryBackoffMillis = config.postLog().retryBackoff().toMillis();
        this.queue = new ArrayBlockingQueue<>(config.postLog().queueCapacity());
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "claimline-post-log-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            try {
                thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether a new post can be logged now: the database answered the last batch and the queue has room. */
    public boolean canAccept() {
        return databaseUp && queue.remainingCapacity() > 0;
    }

    public boolean databaseUp() {
        return databaseUp;
    }

    /** Queues a row; false only when the queue filled up since {@link #canAccept()} was asked. */
    public boolean append(PostLogRow row) {
        PostLogRow previous = pendingById.putIfAbsent(row.id(), row);
        if (previous != null) {
            return true;
        }
        if (row.idempotencyKey() != null) {
            pendingByKey.putIfAbsent(row.idempotencyKey(), row);
        }
        if (!queue.offer(row)) {
            forget(row);
            return false;
        }
        return true;
    }

    /** A row accepted but not yet committed. */
    public Optional<PostLogRow> pending(String id) {
        return Optional.ofNullable(pendingById.get(id));
    }

    /** A row accepted under this Idempotency-Key but not yet committed. */
    public Optional<PostLogRow> pendingForKey(String idempotencyKey) {
        return Optional.ofNullable(pendingByKey.get(idempotencyKey));
    }

    public long rowsWritten() {
        return written.get();
    }

    public long batchesWritten() {
        return batches.get();
    }

    private void run() {
        List<PostLogRow> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                PostLogRow first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                writeUntilDone(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeUntilDone(List<PostLogRow> batch) throws InterruptedException {
        while (true) {
            try {
                write(batch);
                if (!databaseUp) {
                    LOG.info("post log database reachable again");
                }
                databaseUp = true;
                batch.forEach(this::forget);
                written.addAndGet(batch.size());
                batches.incrementAndGet();
                return;
            } catch (SQLException e) {
                if (databaseUp) {
                    LOG.warnf("post log batch of %d rows failed, retrying every %d ms: %s", batch.size(),
                            retryBackoffMillis, e.getMessage());
                }
                databaseUp = false;
                if (!running) {
                    LOG.errorf("stopping with %d post log rows unwritten (the posts themselves are in Kafka)",
                            batch.size() + queue.size());
                    return;
                }
                Thread.sleep(retryBackoffMillis);
            }
        }
    }

    private void write(List<PostLogRow> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                for (PostLogRow row : batch) {
                    s.setString(1, row.id());
                    s.setString(2, row.platform());
                    s.setString(3, row.externalId());
                    s.setTimestamp(4, Timestamp.from(row.postedAt()));
                    s.setTimestamp(5, Timestamp.from(row.acceptedAt()));
                    s.setString(6, row.idempotencyKey());
                    s.setString(7, row.requestHash());
                    s.setString(8, row.record());
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void forget(PostLogRow row) {
        pendingById.remove(row.id(), row);
        if (row.idempotencyKey() != null) {
            pendingByKey.remove(row.idempotencyKey(), row);
        }
    }
}
