package org.claimline.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.claimline.contracts.ContractJson;
import org.claimline.tools.http.IngestClient;

/**
 * One open-model run: posts are sent on a fixed schedule whether or not earlier answers came back, and every
 * latency is measured from the moment the post was due, so a slow stack cannot hide its delay (no coordinated
 * omission). POST→202 comes from the answer, POST→SSE from the post's arrival on web-service's stream.
 */
public final class BenchRun {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

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

    public BenchRun(IngestClient ingest, BenchPosts posts) {
        this.ingest = ingest;
        this.posts = posts;
    }

    /** Called for every message of the SSE stream; records the arrival of a post this run sent. */
    public void onStreamMessage(String data) {
        String postId = postIdOf(data);
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
        }
    }

    /** Sends {@code rate} posts a second for {@code duration}, then waits up to {@code drain} for arrivals. */
    public ObjectNode run(double rate, Duration duration, Duration drain, long firstPostNumber) {
        long interval = (long) (NANOS_PER_SECOND / rate);
        long total = (long) (rate * duration.toNanos() / NANOS_PER_SECOND);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            byte[] body = posts.post(firstPostNumber + i, Instant.now());
            ingest.sendPost(body).whenComplete((response, error) -> {
                long now = System.nanoTime();
                answered.incrementAndGet();
                if (error != null || !response.accepted()) {
                    if (errors.incrementAndGet() == 1) {
                        System.err.println("bench: first error: "
                                + (error != null ? error : response.problem()));
                    }
                    return;
                }
                post.recordNanos(now - due);
                accepted.incrementAndGet();
                String id = response.json().path("id").asText(null);
                if (id != null) {
                    dueById.put(id, due);
                    Long early = earlyArrivals.get(id);
                    if (early != null) {
                        arrived(id, due, early);
                    }
                }
            });
        }
        double sendSeconds = (System.nanoTime() - start) / (double) NANOS_PER_SECOND;
        long drainUntil = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < drainUntil && (answered.get() < total || seen.size() < accepted.get())) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        ObjectNode result = ContractJson.mapper().createObjectNode();
        result.put("offered_per_second", LatencyStats.round(total / sendSeconds));
        result.put("accepted_per_second", LatencyStats.round(accepted.get() / sendSeconds));
        result.set("e2e_ms", endToEnd.json());
        result.set("post_ms", post.json());
        result.put("sent", total);
        result.put("accepted", accepted.get());
        result.put("errors", errors.get() + (total - answered.get()));
        result.put("lost", Math.max(0, accepted.get() - seen.size()));
        return result;
    }

    /** The post id of a timeline message: {@code post.id} of a change, or a flat {@code postId}. */
    static String postIdOf(String data) {
        try {
            JsonNode node = ContractJson.mapper().readTree(data);
            JsonNode id = node.path("post").path("id");
            if (id.isTextual()) {
                return id.asText();
            }
            id = node.path("postId");
            return id.isTextual() ? id.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
