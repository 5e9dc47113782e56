package org.claimline.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
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
import org.claimline.contracts.ContractJson;
import org.claimline.tools.http.WebClient;

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
    private static final int HTTP_NO_CONTENT = 204;
    private static final int HTTP_NOT_MODIFIED = 304;
    private static final int DEFAULT_HTTP_PORT = 80;
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

    /** Reads through the JDK's HTTP client of {@link WebClient}. */
    public TimelineReader(WebClient web, int maxConnections, int recentEvents) {
        this(web::timeline, maxConnections, recentEvents);
    }

    /**
     * Reads through {@link PlainHttpReads}: the same requests, at a fraction of the JDK client's CPU per read (the
     * bench shares the machine it measures, so what the client spends is taken from the stack).
     */
    public TimelineReader(URI webBase, String viewerKey, int maxConnections, int recentEvents) {
        this(new PlainHttpReads(webBase, viewerKey, maxConnections, WebClient.REQUEST_TIMEOUT), maxConnections,
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
     * Timeline reads over plain HTTP/1.1 keep-alive sockets, one blocking worker per connection: the request is a
     * fixed string, the answer's status line and headers are read, and the body is skipped, only counted against its
     * {@code Content-Length} (or its chunks) so that a cut-off body fails the read. The JDK client spends several
     * times more CPU per read on its asynchronous machinery, which the bench client would take from the stack.
     */
    static final class PlainHttpReads implements Transport, AutoCloseable {

        private static final int BUFFER_BYTES = 64 * 1024;
        private static final int MAX_HEADER_BYTES = 16 * 1024;
        private static final int HEX = 16;
        private static final int FIRST_STATUS_DIGIT = "HTTP/1.1 ".length();
        private static final int STATUS_DIGITS = 3;
        private static final String CONTENT_LENGTH = "content-length:";
        private static final String TRANSFER_ENCODING = "transfer-encoding:";
        private static final String CONNECTION = "connection:";

        private final String host;
        private final int port;
        private final String requestStart;
        private final String requestEnd;
        private final long timeoutNanos;
        private final ExecutorService workers;
        private final Deque<Connection> idle = new ArrayDeque<>();
        private final AtomicLong bodyBytes = new AtomicLong();
        private volatile boolean closed;

        PlainHttpReads(URI base, String viewerKey, int connections, Duration timeout) {
            if (!"http".equalsIgnoreCase(base.getScheme())) {
                throw new IllegalArgumentException("plain reads speak http only: " + base);
            }
            this.host = base.getHost();
            this.port = base.getPort() < 0 ? DEFAULT_HTTP_PORT : base.getPort();
            this.timeoutNanos = timeout.toNanos();
            String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
            String key = viewerKey == null || viewerKey.isBlank() ? null : viewerKey.trim();
            this.requestStart = "GET " + basePath + "/api/v1/events/";
            this.requestEnd = "/posts HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n"
                    + (key == null ? "" : "Authorization: Bearer " + key + "\r\n") + "\r\n";
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
            byte[] request = (requestStart + URLEncoder.encode(eventId, StandardCharsets.UTF_8).replace("+", "%20")
                    + requestEnd).getBytes(StandardCharsets.ISO_8859_1);
            try {
                workers.execute(() -> {
                    try {
                        answer.complete(exchange(request));
                    } catch (IOException | RuntimeException e) {
                        answer.completeExceptionally(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                answer.completeExceptionally(e);
            }
            return answer;
        }

        /** Body bytes received so far (every read, whatever its status). */
        long bodyBytes() {
            return bodyBytes.get();
        }

        private int exchange(byte[] request) throws IOException {
            long deadline = System.nanoTime() + timeoutNanos;
            Connection reused = take();
            if (reused != null) {
                try {
                    return exchange(reused, request, deadline);
                } catch (StaleConnectionException e) {
                    // the server closed the idle connection before this request: send it once more on a new one
                }
            }
            return exchange(new Connection(host, port), request, deadline);
        }

        private int exchange(Connection connection, byte[] request, long deadline) throws IOException {
            boolean reusable = false;
            try {
                Connection.Answer answer = connection.exchange(request, deadline);
                bodyBytes.addAndGet(answer.bodyBytes());
                reusable = answer.keepAlive();
                return answer.status();
            } finally {
                if (reusable && !closed) {
                    give(connection);
                } else {
                    connection.close();
                }
            }
        }

        private Connection take() {
            synchronized (idle) {
                return idle.pollFirst();
            }
        }

        private void give(Connection connection) {
            synchronized (idle) {
                idle.addFirst(connection);
            }
        }

        @Override
        public void close() {
            closed = true;
            workers.shutdownNow();
            synchronized (idle) {
                idle.forEach(Connection::close);
                idle.clear();
            }
        }

        /** The server closed a kept-alive connection before any byte of the answer: the request was not handled. */
        private static final class StaleConnectionException extends IOException {
            StaleConnectionException() {
                super("connection closed by the server before the answer began");
            }
        }

        /** One keep-alive socket and its read buffer. */
        private static final class Connection {

            /** What came back: the status, whether the connection can carry another request, the body's size. */
            record Answer(int status, boolean keepAlive, long bodyBytes) {
            }

            private final Socket socket;
            private final InputStream in;
            private final OutputStream out;
            private final byte[] buffer = new byte[BUFFER_BYTES];
            private int position;
            private int limit;
            private boolean used;

            Connection(String host, int port) throws IOException {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
                in = socket.getInputStream();
                out = socket.getOutputStream();
            }

            Answer exchange(byte[] request, long deadline) throws IOException {
                boolean reused = used;
                used = true;
                position = 0;
                limit = 0;
                boolean began;
                try {
                    out.write(request);
                    out.flush();
                    began = fill(deadline);
                } catch (SocketTimeoutException e) {
                    throw e;
                } catch (IOException e) {
                    if (reused) {
                        throw new StaleConnectionException();
                    }
                    throw e;
                }
                if (!began) {
                    if (reused) {
                        throw new StaleConnectionException();
                    }
                    throw new IOException("connection closed before the answer began");
                }
                String statusLine = line(deadline);
                if (statusLine.length() < FIRST_STATUS_DIGIT + STATUS_DIGITS || !statusLine.startsWith("HTTP/1.")) {
                    throw new IOException("not an HTTP answer: " + statusLine);
                }
                int status = Integer.parseInt(statusLine.substring(FIRST_STATUS_DIGIT,
                        FIRST_STATUS_DIGIT + STATUS_DIGITS));
                long length = -1;
                boolean chunked = false;
                boolean keepAlive = statusLine.startsWith("HTTP/1.1");
                int headerBytes = statusLine.length();
                for (String header = line(deadline); !header.isEmpty(); header = line(deadline)) {
                    headerBytes += header.length();
                    if (headerBytes > MAX_HEADER_BYTES) {
                        throw new IOException("answer headers longer than " + MAX_HEADER_BYTES + " bytes");
                    }
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith(CONTENT_LENGTH)) {
                        length = Long.parseLong(lower.substring(CONTENT_LENGTH.length()).trim());
                    } else if (lower.startsWith(TRANSFER_ENCODING)) {
                        chunked = lower.contains("chunked");
                    } else if (lower.startsWith(CONNECTION)) {
                        keepAlive = !lower.contains("close");
                    }
                }
                long body;
                if (status == HTTP_NOT_MODIFIED || status == HTTP_NO_CONTENT || status / 100 == 1) {
                    body = 0;
                } else if (chunked) {
                    body = skipChunks(deadline);
                } else if (length >= 0) {
                    skip(length, deadline);
                    body = length;
                } else {
                    // no length: the body ends with the connection, so nothing can say it is complete but the close
                    body = skipToEnd(deadline);
                    keepAlive = false;
                }
                if (position < limit) {
                    keepAlive = false; // bytes nobody asked for: the connection is out of step
                }
                return new Answer(status, keepAlive, body);
            }

            private long skipChunks(long deadline) throws IOException {
                long total = 0;
                while (true) {
                    String sizeLine = line(deadline);
                    int extension = sizeLine.indexOf(';');
                    long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(),
                            HEX);
                    if (size == 0) {
                        for (String trailer = line(deadline); !trailer.isEmpty(); trailer = line(deadline)) {
                            // trailers are not used
                        }
                        return total;
                    }
                    skip(size, deadline);
                    total += size;
                    if (!line(deadline).isEmpty()) {
                        throw new IOException("chunk not followed by CRLF");
                    }
                }
            }

            private void skip(long bytes, long deadline) throws IOException {
                long left = bytes;
                while (left > 0) {
                    if (position == limit && !fill(deadline)) {
                        throw new IOException("body ended after " + (bytes - left) + " of " + bytes + " bytes");
                    }
                    int step = (int) Math.min(left, limit - position);
                    position += step;
                    left -= step;
                }
            }

            private long skipToEnd(long deadline) throws IOException {
                long total = limit - position;
                position = limit;
                while (fill(deadline)) {
                    total += limit - position;
                    position = limit;
                }
                return total;
            }

            /** A header line without its CRLF (ISO-8859-1, as HTTP headers are). */
            private String line(long deadline) throws IOException {
                StringBuilder line = new StringBuilder();
                while (true) {
                    if (position == limit && !fill(deadline)) {
                        throw new IOException("answer ended inside its headers");
                    }
                    char c = (char) (buffer[position++] & 0xff);
                    if (c == '\n') {
                        int end = line.length();
                        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                    }
                    if (line.length() >= MAX_HEADER_BYTES) {
                        throw new IOException("answer header line longer than " + MAX_HEADER_BYTES + " bytes");
                    }
                    line.append(c);
                }
            }

            /** Reads more into the empty buffer; false at the end of the stream. Fails once the deadline passed. */
            private boolean fill(long deadline) throws IOException {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SocketTimeoutException("no complete answer within the read timeout");
                }
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                int read = in.read(buffer, 0, buffer.length);
                if (read < 0) {
                    return false;
                }
                position = 0;
                limit = read;
                return true;
            }

            void close() {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing: nothing left to do with it
                }
            }
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
