package org.claimline.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimline.contracts.ContractJson;
import org.claimline.tools.http.IngestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Back to live after a burst: caught_up_ms from a local stand-in for ingest and a stream fed by the test. */
class BenchRunCatchUpTest {

    private static final int POSTS = 20;
    private static final long STREAM_DELAY_MILLIS = 600;

    private HttpServer server;
    private ExecutorService executor;
    private final List<String> acceptedIds = new CopyOnWriteArrayList<>();
    private final CountDownLatch allPosted = new CountDownLatch(POSTS);
    private IngestClient ingest;

    @BeforeEach
    void startIngest() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        AtomicInteger next = new AtomicInteger();
        server.createContext("/api/v1/posts", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = "post-" + next.getAndIncrement();
            byte[] body = ("{\"id\":\"" + id + "\",\"status\":\"accepted\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            acceptedIds.add(id);
            allPosted.countDown();
        });
        server.start();
        ingest = new IngestClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "key");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Delivers the accepted posts (all but {@code withheld}) to the stream a while after the last was accepted. */
    private Thread streamLater(BenchRun run, int withheld) {
        Thread stream = new Thread(() -> {
            try {
                assertTrue(allPosted.await(30, TimeUnit.SECONDS));
                Thread.sleep(STREAM_DELAY_MILLIS);
                for (String id : acceptedIds.subList(withheld, acceptedIds.size())) {
                    StreamChange change = StreamChange.parse(
                            "{\"kind\":\"POST_PLACED\",\"eventId\":\"e1\",\"post\":{\"id\":\"" + id + "\"}}");
                    run.onStreamMessage(change);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        stream.start();
        return stream;
    }

    @Test
    void caughtUpIsTheTimeFromTheEndOfSendingToTheLastArrival() throws Exception {
        BenchRun run = new BenchRun(ingest, new BenchPosts("t", List.of(), 1), BenchFormat.JSON, 1, 16);
        Thread stream = streamLater(run, 0);

        ObjectNode result = run.run(POSTS, Duration.ofSeconds(1), Duration.ofSeconds(10), 0);
        stream.join();

        assertEquals(POSTS, result.path("accepted").asInt(), result.toString());
        assertEquals(0, result.path("lost").asInt(), result.toString());
        double caughtUp = result.path("caught_up_ms").asDouble();
        assertTrue(caughtUp >= STREAM_DELAY_MILLIS && caughtUp < 10_000, result.toString());
        assertEquals(caughtUp, result.path("last_seen_after_ms").asDouble(), result.toString());
    }

    @Test
    void noCaughtUpWhenAnAcceptedPostNeverArrives() throws Exception {
        BenchRun run = new BenchRun(ingest, new BenchPosts("t", List.of(), 1), BenchFormat.JSON, 1, 16);
        Thread stream = streamLater(run, 1);

        ObjectNode result = run.run(POSTS, Duration.ofSeconds(1), Duration.ofSeconds(2), 0);
        stream.join();

        assertEquals(1, result.path("lost").asInt(), result.toString());
        assertTrue(result.has("caught_up_ms") && result.path("caught_up_ms").isNull(), result.toString());
        assertTrue(result.path("last_seen_after_ms").asDouble() >= STREAM_DELAY_MILLIS, result.toString());
    }

    @Test
    void ingestAloneMeasuresTheAnswersAndDoesNotWaitForTheStream() throws Exception {
        BenchRun run = new BenchRun(ingest, new BenchPosts("t", List.of(), 1), BenchFormat.JSON, 1, 16, false);
        long started = System.nanoTime();

        ObjectNode result = run.run(POSTS, Duration.ofSeconds(1), Duration.ofSeconds(60), 0);

        assertTrue(System.nanoTime() - started < Duration.ofSeconds(30).toNanos(),
                "nothing arrives on a stream that is not followed, and the 60 s drain was not waited out");
        assertEquals(POSTS, result.path("accepted").asInt(), result.toString());
        assertTrue(result.path("ingest_only").asBoolean(), result.toString());
        assertTrue(result.path("post_ms").has("p99"), result.toString());
        assertTrue(!result.has("e2e_ms") && !result.has("lost"), "no stream figures: " + result);
    }

    @Test
    void findMaxJudgesIngestAloneByItsAnswers() throws Exception {
        ObjectNode fast = (ObjectNode) ContractJson.mapper().readTree(
                "{\"ingest_only\":true,\"errors\":0,\"post_ms\":{\"p99\":120.0}}");
        ObjectNode slow = (ObjectNode) ContractJson.mapper().readTree(
                "{\"ingest_only\":true,\"errors\":0,\"post_ms\":{\"p99\":1500.0}}");
        ObjectNode refused = (ObjectNode) ContractJson.mapper().readTree(
                "{\"ingest_only\":true,\"errors\":3,\"post_ms\":{\"p99\":10.0}}");
        ObjectNode endToEnd = (ObjectNode) ContractJson.mapper().readTree(
                "{\"errors\":0,\"lost\":0,\"post_ms\":{\"p99\":10.0},\"e2e_ms\":{\"p99\":1200.0}}");
        assertTrue(BenchCommand.holds(fast));
        assertTrue(!BenchCommand.holds(slow) && !BenchCommand.holds(refused));
        assertTrue(!BenchCommand.holds(endToEnd), "a whole-stack run is judged by POST→SSE");
    }

    @Test
    void caughtUpComputation() {
        long second = 1_000_000_000L;
        assertEquals(2500.0, BenchRun.caughtUpMillis(10 * second, 12 * second + second / 2, 100, 100));
        assertNull(BenchRun.caughtUpMillis(10 * second, 12 * second, 100, 99), "one never arrived");
        assertNull(BenchRun.caughtUpMillis(10 * second, 0, 0, 0), "nothing accepted, nothing to catch up");
        assertEquals(0.0, BenchRun.caughtUpMillis(10 * second, 9 * second, 5, 5), "all in before sending ended");
    }
}
