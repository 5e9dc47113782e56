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
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    /** When a refusal names no Retry-After (a batch line refused with 503 has none of its own). */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

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
    /** Posts with a final outcome: accepted, or refused for good (an error, or a refusal at the end of the run). */
    private final AtomicLong answered = new AtomicLong();
    /** 503/429 answers, in posts: a post refused three times counts three. */
    private final AtomicLong refused = new AtomicLong();
    /** Posts sent again at least once after a refusal (each counted once). */
    private final AtomicLong retriedPosts = new AtomicLong();
    /** Posts refused and waiting for their retry. */
    private final AtomicLong awaitingRetry = new AtomicLong();
    /** Sends the retries when they are due, one at a time, through the same connection bound as the schedule. */
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-retries");
        thread.setDaemon(true);
        return thread;
    });
    /** Set when the run ends: refusals that come back later are not retried any more. */
    private volatile boolean ended;
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

    /**
     * Sends {@code rate} posts a second for {@code duration}, then waits up to {@code drain} for answers and arrivals.
     * A 503 or 429 answer (or a batch line refused with either) is sent again after its Retry-After, on top of the
     * schedule (the open model stays open), until accepted or the run ends; its latencies still count from the time the
     * post was first due, so shedding load never hides a delay.
     */
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
            send(attempt(first, count, due));
        }
        long sendEnd = System.nanoTime();
        double sendSeconds = (sendEnd - start) / (double) NANOS_PER_SECOND;
        long drainUntil = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < drainUntil && (answered.get() < total || followStream && seen.size() < accepted.get())) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        ended = true;
        retries.shutdownNow();
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
        // no answer at all by the end (still awaiting one), besides answers that were errors; refusals waiting for
        // their retry are not errors, they are counted in refused and never_accepted
        long unanswered = Math.max(0, total - answered.get() - awaitingRetry.get());
        result.put("errors", errors.get() + unanswered);
        result.put("refused", refused.get());
        result.put("retried_posts", retriedPosts.get());
        result.put("never_accepted", Math.max(0, total - accepted.get()));
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

    /**
     * One request's posts as sent, kept so that a refused request sends the very same bytes again: the post numbers,
     * their bodies (a JSON post, or a batch's lines; for multipart the post without its media reference), when the
     * first of them was due, and whether this is a retry.
     */
    private record Attempt(long[] numbers, byte[][] bodies, long due, boolean retry) {
        int count() {
            return numbers.length;
        }
    }

    private Attempt attempt(long first, int count, long due) {
        long[] numbers = new long[count];
        byte[][] bodies = new byte[count][];
        for (int i = 0; i < count; i++) {
            numbers[i] = first + i;
            bodies[i] = format == BenchFormat.MULTIPART ? posts.postWithoutMedia(first + i, Instant.now())
                    : posts.post(first + i, Instant.now());
        }
        return new Attempt(numbers, bodies, due, false);
    }

    /** Sends an attempt holding one of the connections, which its answer releases. */
    private void send(Attempt attempt) {
        request(attempt).whenComplete((response, error) -> {
            connections.release();
            answer(attempt, response, error, System.nanoTime());
        });
    }

    private void answer(Attempt attempt, IngestClient.Response response, Throwable error, long now) {
        int count = attempt.count();
        if (error != null) {
            answered.addAndGet(count);
            failed(count, error.toString());
            return;
        }
        if (response.retryable()) {
            retryLater(attempt, attempt.numbers(), attempt.bodies(), response.retryAfter().orElse(DEFAULT_RETRY_AFTER));
            return;
        }
        if (response.status() >= 300) {
            answered.addAndGet(count);
            failed(count, response.problem());
            return;
        }
        List<Integer> statuses = new ArrayList<>(count);
        List<String> ids = acceptedIds(response, count, statuses);
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = i < ids.size() ? ids.get(i) : null;
            if (id != null) {
                accept(id, attempt.due(), now);
                answered.incrementAndGet();
            } else if (i < statuses.size() && IngestClient.Response.retryable(statuses.get(i))) {
                again.add(i);
            } else {
                answered.incrementAndGet();
                failed(1, "a line of the batch was refused: " + response.body());
            }
        }
        if (!again.isEmpty()) {
            long[] numbers = new long[again.size()];
            byte[][] bodies = new byte[again.size()][];
            for (int j = 0; j < again.size(); j++) {
                numbers[j] = attempt.numbers()[again.get(j)];
                bodies[j] = attempt.bodies()[again.get(j)];
            }
            retryLater(attempt, numbers, bodies, DEFAULT_RETRY_AFTER);
        }
    }

    /** Counts a refusal of these posts and sends them again after {@code wait}, unless the run has ended. */
    private void retryLater(Attempt refusedAttempt, long[] numbers, byte[][] bodies, Duration wait) {
        int count = numbers.length;
        refused.addAndGet(count);
        Attempt again = new Attempt(numbers, bodies, refusedAttempt.due(), true);
        awaitingRetry.addAndGet(count);
        try {
            if (ended) {
                throw new RejectedExecutionException("the run has ended");
            }
            retries.schedule(() -> {
                try {
                    connections.acquire();
                } catch (InterruptedException e) {
                    // the run ended while this retry waited for a connection: it stays awaiting, never accepted
                    Thread.currentThread().interrupt();
                    return;
                }
                awaitingRetry.addAndGet(-count);
                if (!refusedAttempt.retry()) {
                    retriedPosts.addAndGet(count);
                }
                send(again);
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // refused after the run ended: not accepted, and no longer awaited
            awaitingRetry.addAndGet(-count);
            answered.addAndGet(count);
        }
    }

    private CompletableFuture<IngestClient.Response> request(Attempt attempt) {
        switch (format) {
            case BATCH:
                ByteArrayOutputStream lines = new ByteArrayOutputStream();
                for (byte[] line : attempt.bodies()) {
                    lines.writeBytes(line);
                    lines.write('\n');
                }
                return ingest.sendBatch(lines.toByteArray());
            case MULTIPART:
                return ingest.sendMultipart(attempt.bodies()[0], posts.image(attempt.numbers()[0]), BenchImages.TYPE);
            default:
                return ingest.sendPost(attempt.bodies()[0]);
        }
    }

    /**
     * The ids a 2xx answer accepted, in request order, {@code null} for a line a batch refused; each line's status goes
     * to {@code statuses}.
     */
    private List<String> acceptedIds(IngestClient.Response response, int count, List<Integer> statuses) {
        if (format != BenchFormat.BATCH) {
            statuses.add(response.status());
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
                statuses.add(status);
                ids.add(status >= 200 && status < 300 ? result.path("id").asText(null) : null);
            } catch (IOException e) {
                statuses.add(0);
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
