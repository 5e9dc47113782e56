package org.claimline.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.claimline.contracts.ContractJson;
import org.claimline.tools.http.IngestClient;

/**
 * One open-model run: posts are sent on a fixed schedule whether or not earlier answers came back, and every
 * latency is measured from the moment the post was due, so a slow stack cannot hide its delay (no coordinated
 * omission). POST→202 comes from the answer, POST→SSE from the post's arrival on web-service's stream; a run that
 * does not follow the stream measures ingest alone (POST→202 only).
 */
public final class BenchRun {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final IngestClient ingest;
    private final BenchPosts posts;
    private final Map<String, Long> dueById = new ConcurrentHashMap<>();
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
    /** Arrivals on the stream of posts whose 202 had not been handled yet (the stream can be faster). */
    private final Map<String, Long> earlyArrivals = new ConcurrentHashMap<>();
    private final LatencyStats post = new LatencyStats();
    private final LatencyStats endToEnd = new LatencyStats();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    /** When the last 202 came back: accepted/s counts answers that arrive after the send phase too. */
    private final AtomicLong lastAcceptedAt = new AtomicLong();
    /** When the last post of this run first reached the stream (0: none yet): how long the stack took to catch up. */
    private final AtomicLong lastArrivalAt = new AtomicLong();

    private final BenchFormat format;
    private final int batchSize;
    /**
     * Requests awaiting their answer, bounded like a client's connection pool: without a bound, an overloaded stack
     * gets one new connection per due request (19,000 at once in one run) and spends itself opening and closing them.
     * A request that waits for a free connection is late, and its latency counts from when it was due.
     */
    private final Semaphore connections;

    /** Whether arrivals on the stream are awaited and measured; without, the run measures ingest alone. */
    private final boolean followStream;

    public BenchRun(IngestClient ingest, BenchPosts posts, BenchFormat format, int batchSize, int maxConnections) {
        this(ingest, posts, format, batchSize, maxConnections, true);
    }

    public BenchRun(IngestClient ingest, BenchPosts posts, BenchFormat format, int batchSize, int maxConnections,
            boolean followStream) {
        this.followStream = followStream;
        this.ingest = ingest;
        this.posts = posts;
        this.format = format;
        this.batchSize = batchSize;
        this.connections = new Semaphore(maxConnections);
    }

    /** Called for every message of the SSE stream; records the arrival of a post this run sent. */
    public void onStreamMessage(StreamChange change) {
        String postId = change.postId();
        if (postId == null) {
            return;
        }
        long now = System.nanoTime();
        Long due = dueById.get(postId);
        if (due == null) {
            earlyArrivals.putIfAbsent(postId, now);
            due = dueById.get(postId);
            if (due == null) {
                return;
            }
            now = earlyArrivals.getOrDefault(postId, now);
        }
        arrived(postId, due, now);
    }

    private void arrived(String postId, long due, long at) {
        if (seen.putIfAbsent(postId, Boolean.TRUE) == null) {
            endToEnd.recordNanos(at - due);
            lastArrivalAt.accumulateAndGet(at, Math::max);
        }
    }

    /** Sends {@code rate} posts a second for {@code duration}, then waits up to {@code drain} for arrivals. */
    public ObjectNode run(double rate, Duration duration, Duration drain, long firstPostNumber) {
        long total = (long) (rate * duration.toNanos() / NANOS_PER_SECOND);
        int perRequest = format.postsPerRequest(batchSize);
        long requests = (total + perRequest - 1) / perRequest;
        long interval = (long) (NANOS_PER_SECOND * perRequest / rate);
        long start = System.nanoTime();
        for (long r = 0; r < requests; r++) {
            long due = start + r * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long first = firstPostNumber + r * perRequest;
            int count = (int) Math.min(perRequest, total - r * perRequest);
            connections.acquireUninterruptibly();
            send(first, count).whenComplete((response, error) -> {
                connections.release();
                long now = System.nanoTime();
                if (error != null || response.status() >= 300) {
                    answered.addAndGet(count);
                    failed(count, error != null ? error.toString() : response.problem());
                    return;
                }
                for (String id : acceptedIds(response, count)) {
                    if (id == null) {
                        failed(1, "a line of the batch was refused: " + response.body());
                    } else {
                        accept(id, due, now);
                    }
                    answered.incrementAndGet();
                }
            });
        }
        long sendEnd = System.nanoTime();
        double sendSeconds = (sendEnd - start) / (double) NANOS_PER_SECOND;
        long drainUntil = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < drainUntil && (answered.get() < total || followStream && seen.size() < accepted.get())) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        ObjectNode result = ContractJson.mapper().createObjectNode();
        result.put("offered_per_second", LatencyStats.round(total / sendSeconds));
        double acceptSeconds = Math.max(sendSeconds, (lastAcceptedAt.get() - start) / (double) NANOS_PER_SECOND);
        result.put("format", format.name().toLowerCase(Locale.ROOT));
        result.put("accepted_per_second", LatencyStats.round(accepted.get() / acceptSeconds));
        if (followStream) {
            result.set("e2e_ms", endToEnd.json());
        }
        result.set("post_ms", post.json());
        result.put("sent", total);
        result.put("accepted", accepted.get());
        result.put("errors", errors.get() + Math.max(0, total - answered.get()));
        if (!followStream) {
            result.put("ingest_only", true);
            return result;
        }
        result.put("lost", Math.max(0, accepted.get() - seen.size()));
        long last = lastArrivalAt.get();
        putMillis(result, "caught_up_ms", caughtUpMillis(sendEnd, last, accepted.get(), seen.size()));
        putMillis(result, "last_seen_after_ms", last == 0 ? null : afterMillis(sendEnd, last));
        return result;
    }

    private CompletableFuture<IngestClient.Response> send(long first, int count) {
        switch (format) {
            case BATCH:
                ByteArrayOutputStream lines = new ByteArrayOutputStream();
                for (int i = 0; i < count; i++) {
                    lines.writeBytes(posts.post(first + i, Instant.now()));
                    lines.write('\n');
                }
                return ingest.sendBatch(lines.toByteArray());
            case MULTIPART:
                return ingest.sendMultipart(posts.postWithoutMedia(first, Instant.now()), posts.image(first),
                        BenchImages.TYPE);
            default:
                return ingest.sendPost(posts.post(first, Instant.now()));
        }
    }

    /** The ids a 2xx answer accepted, in request order; {@code null} for a line a batch refused. */
    private List<String> acceptedIds(IngestClient.Response response, int count) {
        if (format != BenchFormat.BATCH) {
            return Collections.singletonList(response.json().path("id").asText(null));
        }
        List<String> ids = new ArrayList<>(count);
        for (String line : response.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode result = ContractJson.mapper().readTree(line);
                int status = result.path("status").asInt();
                ids.add(status >= 200 && status < 300 ? result.path("id").asText(null) : null);
            } catch (IOException e) {
                ids.add(null);
            }
        }
        return ids;
    }

    private void accept(String id, long due, long now) {
        post.recordNanos(now - due);
        accepted.incrementAndGet();
        lastAcceptedAt.accumulateAndGet(now, Math::max);
        dueById.put(id, due);
        Long early = earlyArrivals.get(id);
        if (early != null) {
            arrived(id, due, early);
        }
    }

    private void failed(int count, String why) {
        if (errors.getAndAdd(count) == 0) {
            System.err.println("bench: first error: " + why);
        }
    }

    /**
     * How long after the end of the sending phase the last accepted post of the run reached the stream: the time to
     * get back to live after a burst. {@code null} when some accepted post never arrived (or none was accepted).
     */
    static Double caughtUpMillis(long sendEnd, long lastArrival, long accepted, long arrived) {
        if (accepted == 0 || arrived < accepted) {
            return null;
        }
        return afterMillis(sendEnd, lastArrival);
    }

    /** Milliseconds from {@code from} to {@code to} (nanoTime values), 0 when {@code to} came first. */
    private static double afterMillis(long from, long to) {
        return LatencyStats.round(Math.max(0, to - from) / NANOS_PER_MILLI);
    }

    private static void putMillis(ObjectNode result, String field, Double millis) {
        if (millis == null) {
            result.putNull(field);
        } else {
            result.put(field, millis);
        }
    }

}
