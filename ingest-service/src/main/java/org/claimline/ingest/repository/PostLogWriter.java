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
    private final DatabaseGate gate;
    private final int batchSize;
    private final long retryBackoffMillis;
    private final BlockingQueue<PostLogRow> queue;
    private final Map<String, PostLogRow> pendingById = new ConcurrentHashMap<>();
    private final Map<String, PostLogRow> pendingByKey = new ConcurrentHashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    public PostLogWriter(AgroalDataSource dataSource, DatabaseGate gate, IngestConfig config) {
        this.dataSource = dataSource;
        this.gate = gate;
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

    /** Whether the queue has room for another row. */
    public boolean hasRoom() {
        return queue.remainingCapacity() > 0;
    }

    /** Rows accepted (in Kafka) but not yet committed to the post log. */
    public int pendingRows() {
        return pendingById.size();
    }

    /** Queues a row; false only when the queue filled up since {@link #hasRoom()} was asked. */
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

    /** Rows the database refused for what they hold (never for an outage): logged and left out of the post log. */
    public long rowsDropped() {
        return dropped.get();
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

    /**
     * Writes the batch, retrying while the database is unreachable (those rows are in Kafka already: the log must get
     * them). A batch the database refuses for its content is written row by row, so one bad row cannot block the log.
     */
    private void writeUntilDone(List<PostLogRow> batch) throws InterruptedException {
        while (true) {
            try {
                write(batch);
                done(batch, batch.size());
                return;
            } catch (SQLException e) {
                if (!DatabaseGate.isOutage(e)) {
                    if (writeOneByOne(batch)) {
                        return;
                    }
                } else {
                    if (gate.isUp()) {
                        LOG.warnf("post log batch of %d rows failed, retrying every %d ms: %s", batch.size(),
                                retryBackoffMillis, e.getMessage());
                    }
                    gate.down(e);
                }
                if (stopping(batch)) {
                    return;
                }
                Thread.sleep(retryBackoffMillis);
            } catch (RuntimeException | AssertionError e) {
                // pgjdbc reports some failures of a connection that died mid-batch this way (an AssertionError when
                // assertions are on); whatever it is, this thread must live on and retry, or the post log stops
                LOG.warnf(e, "post log batch of %d rows failed unexpectedly; retrying every %d ms", batch.size(),
                        retryBackoffMillis);
                gate.down(e);
                if (stopping(batch)) {
                    return;
                }
                Thread.sleep(retryBackoffMillis);
            }
        }
    }

    private boolean stopping(List<PostLogRow> batch) {
        if (!running) {
            LOG.errorf("stopping with %d post log rows unwritten (the posts themselves are in Kafka)",
                    batch.size() + queue.size());
        }
        return !running;
    }

    /** Whether the writer thread runs (it only ends at shutdown). */
    public boolean isAlive() {
        return thread != null && thread.isAlive();
    }

    /** False when the database became unreachable meanwhile (the caller retries the whole batch, which is idempotent). */
    private boolean writeOneByOne(List<PostLogRow> batch) {
        int ok = 0;
        for (PostLogRow row : batch) {
            try {
                write(List.of(row));
                ok++;
            } catch (SQLException e) {
                if (DatabaseGate.isOutage(e)) {
                    gate.down(e);
                    return false;
                }
                LOG.errorf("post log refused post %s (it is in Kafka and on the timeline; GET /api/v1/posts/%s "
                        + "will not find it): %s", row.id(), row.id(), e.getMessage());
                dropped.incrementAndGet();
            }
        }
        done(batch, ok);
        return true;
    }

    private void done(List<PostLogRow> batch, int rowsWritten) {
        gate.up();
        batch.forEach(this::forget);
        written.addAndGet(rowsWritten);
        batches.incrementAndGet();
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
