package org.claimline.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.claimline.contracts.ContractJson;

/**
 * Reads timelines ({@code GET /api/v1/events/{id}/posts}) at a fixed rate while the bench ingests, on the same open
 * model as the posts: each read has a due time and its latency counts from then, so a slow web-service or a full
 * connection pool shows as latency instead of as fewer reads. The events read are those seen on the stream during
 * the run, picked uniformly among the most recent few (the ones viewers watch).
 */
public final class TimelineReader {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final long WAIT_FOR_EVENT_NANOS = Duration.ofMillis(10).toNanos();
    private static final int HTTP_OK = 200;
    /** A read slower than this is a failure; a viewer would have given up long before. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Transport web;
    private final Semaphore connections;
    private final int maxConnections;
    private final RecentEvents events;
    private final LatencyStats latency = new LatencyStats();
    /** Reads sent and not yet answered, by sequence number, with their due time (to count them if never answered). */
    private final Map<Long, Long> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong lastAnswerAt = new AtomicLong();
    private final Object lock = new Object();
    private boolean closed;

    /**
     * Reads through {@link PlainHttpReads}: the same requests, at a fraction of the JDK client's CPU per read (the
     * bench shares the machine it measures, so what the client spends is taken from the stack).
     */
    public TimelineReader(URI webBase, String viewerKey, int maxConnections, int recentEvents) {
        this(new PlainHttpReads(webBase, viewerKey, maxConnections, REQUEST_TIMEOUT), maxConnections,
                recentEvents);
    }

    /** How a timeline read is sent: completes with the status once the whole body was received, or exceptionally. */
    @FunctionalInterface
    public interface Transport {
        CompletableFuture<Integer> timeline(String eventId);
    }

    TimelineReader(Transport web, int maxConnections, int recentEvents) {
        if (maxConnections < 1 || recentEvents < 1) {
            throw new IllegalArgumentException("read connections and recent events must be at least 1");
        }
        this.web = web;
        this.maxConnections = maxConnections;
        this.connections = new Semaphore(maxConnections);
        this.events = new RecentEvents(recentEvents);
    }

    /** Called for every message of the SSE stream: its event becomes readable; an absorbed event no longer is. */
    public void onStreamMessage(StreamChange change) {
        if (change.eventId() != null) {
            events.seen(change.eventId());
        }
        if (change.absorbedEventId() != null) {
            events.gone(change.absorbedEventId());
        }
    }

    /** Makes an event readable, as if it had been seen on the stream. */
    public void eventSeen(String eventId) {
        events.seen(eventId);
    }

    /** Runs {@link #run} on its own thread, so that it reads while the caller ingests. */
    public CompletableFuture<ObjectNode> start(double rate, Duration duration, Duration giveUpAfter) {
        CompletableFuture<ObjectNode> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(run(rate, duration, giveUpAfter));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "bench-reader");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /**
     * Reads {@code rate} timelines a second from the first event seen until {@code duration} after the call (none
     * before an event is known), then waits up to {@code giveUpAfter} for the answers. A read due but never sent or
     * never answered by then is an error, and its latency is counted up to that moment.
     */
    public ObjectNode run(double rate, Duration duration, Duration giveUpAfter) {
        long called = System.nanoTime();
        long end = called + duration.toNanos();
        long giveUpAt = end + giveUpAfter.toNanos();
        while (events.isEmpty() && System.nanoTime() < end) {
            LockSupport.parkNanos(WAIT_FOR_EVENT_NANOS);
        }
        long start = System.nanoTime();
        if (events.isEmpty()) {
            System.err.println("bench: no event seen on the stream during the run: no timeline read");
        }
        long interval = (long) (NANOS_PER_SECOND / rate);
        SplittableRandom random = new SplittableRandom();
        long sent = 0;
        for (long due = start; due < end && !events.isEmpty(); due += interval) {
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (!acquire(giveUpAt)) {
                notSent(due, end, interval);
                break;
            }
            send(sent++, events.pick(random), due);
        }
        long stillInFlight = giveUpAt - System.nanoTime();
        if (stillInFlight > 0 && acquireAll(stillInFlight)) {
            connections.release(maxConnections);
        }
        return result(called, start, end);
    }

    private boolean acquire(long giveUpAt) {
        try {
            return connections.tryAcquire(Math.max(0, giveUpAt - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean acquireAll(long nanos) {
        try {
            return connections.tryAcquire(maxConnections, nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void send(long sequence, String eventId, long due) {
        inFlight.put(sequence, due);
        web.timeline(eventId).whenComplete((status, error) -> {
            long now = System.nanoTime();
            // the connection is given back only once the answer is counted: the end of the run waits for all of them
            try {
                answered(sequence, due, now, error == null && status == HTTP_OK,
                        error != null ? error.toString() : "HTTP " + status + " for event " + eventId);
            } finally {
                connections.release();
            }
        });
    }

    private void answered(long sequence, long due, long now, boolean ok200, String failure) {
        synchronized (lock) {
            if (closed || inFlight.remove(sequence) == null) {
                return;
            }
            latency.recordNanos(now - due);
            lastAnswerAt.accumulateAndGet(now, Math::max);
            if (ok200) {
                ok.incrementAndGet();
            } else if (errors.getAndIncrement() == 0) {
                System.err.println("bench: first read error: " + failure);
            }
        }
    }

    /** Every read due from {@code due} until {@code end} that could not be sent: errors, late until now. */
    private void notSent(long due, long end, long interval) {
        long now = System.nanoTime();
        synchronized (lock) {
            for (long d = due; d < end; d += interval) {
                latency.recordNanos(now - d);
                errors.incrementAndGet();
            }
        }
        System.err.println("bench: reads stopped: all read connections still awaited answers");
    }

    private ObjectNode result(long called, long start, long end) {
        long bodyBytes = -1;
        if (web instanceof PlainHttpReads plain) {
            plain.close();
            bodyBytes = plain.bodyBytes();
        }
        long now = System.nanoTime();
        synchronized (lock) {
            closed = true;
            for (long due : inFlight.values()) {
                latency.recordNanos(now - due);
                errors.incrementAndGet();
            }
            inFlight.clear();
            double seconds = Math.max(end - start, lastAnswerAt.get() - start) / (double) NANOS_PER_SECOND;
            ObjectNode node = ContractJson.mapper().createObjectNode();
            node.set("read_ms", latency.json());
            node.put("reads_per_second", seconds > 0 ? LatencyStats.round(ok.get() / seconds) : 0);
            node.put("reads", ok.get());
            node.put("read_errors", errors.get());
            node.put("read_connections", maxConnections);
            node.put("read_seconds", LatencyStats.round(Math.max(0, seconds)));
            node.put("read_wait_for_first_event_ms", LatencyStats.round((start - called) / NANOS_PER_MILLI));
            if (bodyBytes >= 0) {
                // the size of what was read (bodies skipped, not parsed): a page is about 75 KB when full
                node.put("read_body_bytes", bodyBytes);
            }
            return node;
        }
    }

    /**
     * Timeline reads through Apache HttpClient 5's classic client on a pool of keep-alive connections, one worker
     * thread per connection. Bodies are streamed and counted, not parsed; the client fails a body cut short of its
     * Content-Length or chunks. The JDK client's asynchronous machinery costs several times more CPU per read, which
     * the bench would take from the stack it measures.
     */
    static final class PlainHttpReads implements Transport, AutoCloseable {

        private static final int BUFFER_BYTES = 64 * 1024;
        /** A stale kept-alive connection is sent the request once more on a fresh one; a timeout is not retried. */
        private static final int RETRIES = 1;
        private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(1);

        private final CloseableHttpClient client;
        private final String eventsUrl;
        private final String authorization;
        private final ExecutorService workers;
        private final AtomicLong bodyBytes = new AtomicLong();

        PlainHttpReads(URI base, String viewerKey, int connections, Duration timeout) {
            if (!"http".equalsIgnoreCase(base.getScheme())) {
                throw new IllegalArgumentException("plain reads speak http only: " + base);
            }
            this.eventsUrl = base.toString().replaceAll("/+$", "") + "/api/v1/events/";
            this.authorization = viewerKey == null || viewerKey.isBlank() ? null : "Bearer " + viewerKey.trim();
            Timeout limit = Timeout.of(timeout);
            PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(connections)
                    .setMaxConnPerRoute(connections)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                            .setSocketTimeout(limit)
                            .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                            .build())
                    .build();
            this.client = HttpClients.custom()
                    .setConnectionManager(pool)
                    .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
                    .setRetryStrategy(new DefaultHttpRequestRetryStrategy(RETRIES, TimeValue.ZERO_MILLISECONDS))
                    .disableCookieManagement()
                    .disableRedirectHandling()
                    .disableContentCompression()
                    .build();
            AtomicLong threads = new AtomicLong();
            this.workers = Executors.newFixedThreadPool(connections, r -> {
                Thread thread = new Thread(r, "bench-read-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public CompletableFuture<Integer> timeline(String eventId) {
            CompletableFuture<Integer> answer = new CompletableFuture<>();
            HttpGet get = new HttpGet(eventsUrl + URLEncoder.encode(eventId, StandardCharsets.UTF_8).replace("+", "%20")
                    + "/posts");
            get.setHeader("Accept", "application/json");
            if (authorization != null) {
                get.setHeader("Authorization", authorization);
            }
            try {
                workers.execute(() -> {
                    try {
                        answer.complete(client.execute(get, this::countBody));
                    } catch (IOException | RuntimeException e) {
                        answer.completeExceptionally(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                answer.completeExceptionally(e);
            }
            return answer;
        }

        /** Reads the whole body without keeping it (a cut-off body throws), and answers the status. */
        private int countBody(ClassicHttpResponse response) throws IOException {
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                byte[] buffer = new byte[BUFFER_BYTES];
                long received = 0;
                try (InputStream body = entity.getContent()) {
                    for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                        received += n;
                    }
                }
                bodyBytes.addAndGet(received);
            }
            return response.getCode();
        }

        /** Body bytes received so far (every read, whatever its status). */
        long bodyBytes() {
            return bodyBytes.get();
        }

        @Override
        public void close() {
            workers.shutdownNow();
            client.close(CloseMode.IMMEDIATE);
        }
    }

    /** The most recently active events, in a bounded access-ordered map, with an array copy to pick from. */
    private static final class RecentEvents {

        private final Map<String, Boolean> recent;
        private volatile String[] members = new String[0];

        RecentEvents(int capacity) {
            this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized void seen(String eventId) {
            if (recent.put(eventId, Boolean.TRUE) == null) {
                members = recent.keySet().toArray(new String[0]);
            }
        }

        synchronized void gone(String eventId) {
            if (recent.remove(eventId) != null) {
                members = recent.keySet().toArray(new String[0]);
            }
        }

        boolean isEmpty() {
            return members.length == 0;
        }

        String pick(SplittableRandom random) {
            String[] now = members;
            return now[random.nextInt(now.length)];
        }
    }
}
