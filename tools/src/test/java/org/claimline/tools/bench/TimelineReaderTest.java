package org.claimline.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.claimline.contracts.ContractJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The timeline reader against a small local web server that answers some reads slowly and some with 500. */
class TimelineReaderTest {

    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    private HttpServer server;
    private ExecutorService executor;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private URI base;
    private boolean chunked;

    /** Starts a server whose answer to the n-th request (from 0) stalls {@code stallMillis.applyAsInt(n)} ms. */
    private URI serve(IntUnaryOperator stallMillis, int everyNthRefused) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/api/v1/events/", exchange -> answer(exchange, stallMillis, everyNthRefused));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return base;
    }

    private void answer(HttpExchange exchange, IntUnaryOperator stallMillis, int everyNthRefused)
            throws IOException {
        int n = requests.getAndIncrement();
        arrivals.add(System.nanoTime());
        paths.add(exchange.getRequestURI().getPath());
        clientPorts.add(exchange.getRemoteAddress().getPort());
        try {
            Thread.sleep(stallMillis.applyAsInt(n));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean refuse = everyNthRefused > 0 && n % everyNthRefused == 0;
        if (refuse) {
            refused.incrementAndGet();
        }
        byte[] body = (refuse ? "{\"status\":500}" : "{\"items\":[],\"nextCursor\":null}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(refuse ? 500 : 200, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    @Test
    void countsReadsAndErrorsAndHoldsTheRate() throws Exception {
        // every 5th read refused with 500, every 10th (n % 10 == 3) stalls 300 ms
        URI web = serve(n -> n % 10 == 3 ? 300 : 0, 5);
        TimelineReader reader = new TimelineReader(web, null, 64, 20);
        reader.eventSeen("e1");

        ObjectNode result = reader.run(50, Duration.ofSeconds(2), GIVE_UP);

        int sent = requests.get();
        assertTrue(sent >= 90 && sent <= 101, "about 50/s for 2 s: " + sent);
        assertEquals(refused.get(), result.path("read_errors").asInt(), result.toString());
        assertEquals(sent - refused.get(), result.path("reads").asInt(), result.toString());
        double span = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e9;
        assertTrue(span > 1.5, "reads spread over the run, not sent at once: " + span + " s");
        double perSecond = result.path("reads_per_second").asDouble();
        assertTrue(perSecond > 30 && perSecond <= 41, "four in five of 50/s answered 200: " + perSecond);
        assertTrue(result.path("read_ms").path("p99").asDouble() >= 300, result.toString());
        assertTrue(result.path("read_ms").path("p50").asDouble() < 300, result.toString());
        assertTrue(paths.stream().allMatch("/api/v1/events/e1/posts"::equals), paths.toString());
    }

    @Test
    void latencyCountsFromTheDueTimeNotFromTheSend() throws Exception {
        // 20 reads due over 1 s, each answer stalls 300 ms, two connections: the last ones wait for a connection
        URI web = serve(n -> 300, 0);
        TimelineReader reader = new TimelineReader(web, null, 2, 20);
        reader.eventSeen("e1");

        ObjectNode result = reader.run(20, Duration.ofSeconds(1), GIVE_UP);

        assertEquals(20, result.path("reads").asInt(), result.toString());
        assertEquals(0, result.path("read_errors").asInt(), result.toString());
        assertTrue(result.path("read_ms").path("p50").asDouble() >= 300, result.toString());
        // served 2 per 300 ms, the last is answered about 3 s after the start, 2 s after it was due
        assertTrue(result.path("read_ms").path("p99").asDouble() >= 1500, result.toString());
        assertTrue(result.path("reads_per_second").asDouble() < 10, "served 6.7/s, not 20/s: " + result);
    }

    @Test
    void waitsForAnEventAndForgetsOneThatWasMergedAway() throws Exception {
        URI web = serve(n -> 0, 0);
        TimelineReader reader = new TimelineReader(web, null, 8, 20);
        reader.onStreamMessage(StreamChange.parse(
                "{\"kind\":\"POST_PLACED\",\"eventId\":\"a\",\"sequence\":1,\"post\":{\"id\":\"p1\"}}"));
        reader.onStreamMessage(StreamChange.parse(
                "{\"kind\":\"EVENTS_MERGED\",\"eventId\":\"b\",\"sequence\":4,"
                        + "\"merged\":{\"fromEventId\":\"a\",\"intoEventId\":\"b\"}}"));
        assertTrue(paths.isEmpty());

        ObjectNode result = reader.run(40, Duration.ofSeconds(1), GIVE_UP);

        assertTrue(result.path("reads").asInt() >= 35, result.toString());
        assertTrue(paths.stream().allMatch("/api/v1/events/b/posts"::equals), paths.toString());
    }

    @Test
    void readsNothingBeforeTheFirstEventIsSeen() throws Exception {
        URI web = serve(n -> 0, 0);
        TimelineReader reader = new TimelineReader(web, null, 8, 20);
        long start = System.nanoTime();
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reader.eventSeen("late");
        });
        later.start();

        ObjectNode result = reader.run(20, Duration.ofSeconds(2), GIVE_UP);

        assertTrue(arrivals.get(0) - start >= 600_000_000L, "first read before any event was seen");
        assertTrue(result.path("read_wait_for_first_event_ms").asDouble() >= 600, result.toString());
        int reads = result.path("reads").asInt();
        assertTrue(reads >= 10 && reads <= 27, "20/s for the 1.3 s left: " + reads);
        assertEquals(0, result.path("read_errors").asInt());
    }

    @Test
    void noEventDuringTheRunMeansNoReadAndNoError() throws Exception {
        URI web = serve(n -> 0, 0);
        ObjectNode result = new TimelineReader(web, null, 8, 20).run(100, Duration.ofMillis(300), GIVE_UP);
        assertEquals(0, requests.get());
        assertEquals(0, result.path("reads").asInt());
        assertEquals(0.0, result.path("reads_per_second").asDouble());
    }
    @Test
    void plainReadsCountBodiesAndKeepConnectionsAlive() throws Exception {
        serve(n -> n % 10 == 3 ? 300 : 0, 5);
        TimelineReader reader = new TimelineReader(base, null, 64, 20);
        reader.eventSeen("e 1");

        ObjectNode result = reader.run(50, Duration.ofSeconds(2), GIVE_UP);

        int sent = requests.get();
        assertTrue(sent >= 90 && sent <= 101, "about 50/s for 2 s: " + sent);
        assertEquals(refused.get(), result.path("read_errors").asInt(), result.toString());
        assertEquals(sent - refused.get(), result.path("reads").asInt(), result.toString());
        assertTrue(result.path("read_ms").path("p99").asDouble() >= 300, result.toString());
        assertTrue(paths.stream().allMatch("/api/v1/events/e 1/posts"::equals), paths.toString());
        long okBody = "{\"items\":[],\"nextCursor\":null}".length();
        long refusedBody = "{\"status\":500}".length();
        assertEquals(okBody * (sent - refused.get()) + refusedBody * refused.get(),
                result.path("read_body_bytes").asLong(), "every body read to its end: " + result);
        assertTrue(clientPorts.size() < sent / 2, "connections kept alive: " + clientPorts.size() + " for " + sent);
    }

    @Test
    void plainReadsFollowChunkedBodies() throws Exception {
        chunked = true;
        serve(n -> 0, 0);
        TimelineReader reader = new TimelineReader(base, null, 1, 20);
        reader.eventSeen("e1");

        ObjectNode result = reader.run(40, Duration.ofSeconds(1), GIVE_UP);

        int reads = result.path("reads").asInt();
        assertTrue(reads >= 35, result.toString());
        assertEquals(0, result.path("read_errors").asInt(), result.toString());
        assertEquals(reads * (long) "{\"items\":[],\"nextCursor\":null}".length(),
                result.path("read_body_bytes").asLong(), result.toString());
        assertEquals(1, clientPorts.size(), "one connection, reused: " + clientPorts);
    }

    @Test
    void plainReadFailsOnACutOffBody() throws Exception {
        try (ServerSocket cutting = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket client = cutting.accept()) {
                    client.getInputStream().read(new byte[4096]);
                    client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"items\":")
                            .getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // the test sees it as a failed read
                }
            });
            answering.start();
            TimelineReader.PlainHttpReads reads = new TimelineReader.PlainHttpReads(
                    URI.create("http://127.0.0.1:" + cutting.getLocalPort()), null, 1, Duration.ofSeconds(5));
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> reads.timeline("e1").get(10, TimeUnit.SECONDS));
            assertTrue(failed.getCause().getMessage().contains("expected: 100; received: 9"),
                    failed.getCause().toString());
            reads.close();
            answering.join();
        }
    }

    @Test
    void plainReadTimesOut() throws Exception {
        serve(n -> 3000, 0);
        TimelineReader.PlainHttpReads reads = new TimelineReader.PlainHttpReads(base, null, 1,
                Duration.ofMillis(300));
        long start = System.nanoTime();
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> reads.timeline("e1").get(10, TimeUnit.SECONDS));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(failed.getCause() instanceof SocketTimeoutException, failed.getCause().toString());
        assertTrue(millis >= 250 && millis < 2500, "failed after the timeout, not the answer: " + millis + " ms");
        reads.close();
    }
}
