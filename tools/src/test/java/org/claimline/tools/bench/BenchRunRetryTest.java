package org.claimline.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimline.contracts.ContractJson;
import org.claimline.tools.http.IngestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Refusals in the bench, against a local stand-in for ingest: a 503 with Retry-After (or a batch line refused with 503)
 * is sent again, byte for byte, after the wait and on top of the schedule; its latency counts from when the post was
 * first due; refused, retried_posts and never_accepted say what happened.
 */
class BenchRunRetryTest {

    private static final int POSTS = 20;
    private static final String PROBLEM = "{\"type\":\"urn:claimline:problem:overloaded\",\"status\":503}";

    private HttpServer server;
    private ExecutorService executor;
    /** Every body received per external id, in arrival order. */
    private final Map<String, List<String>> bodiesById = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A stand-in whose {@code /api/v1/posts} refuses the first {@code refusals} requests, then accepts. */
    private IngestClient refusingFirst(int refusals) throws IOException {
        AtomicInteger requests = new AtomicInteger();
        return start("/api/v1/posts", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String externalId = ContractJson.mapper().readTree(body).path("externalId").asText();
            bodiesById.computeIfAbsent(externalId, k -> new CopyOnWriteArrayList<>()).add(body);
            if (requests.incrementAndGet() <= refusals) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                respond(exchange, 503, "application/problem+json", PROBLEM);
            } else {
                respond(exchange, 202, "application/json", "{\"id\":\"id-" + externalId + "\",\"status\":\"accepted\"}");
            }
        });
    }

    @Test
    void refusedPostsAreSentAgainAfterRetryAfterAndTheirLatencyCountsFromTheFirstDueTime() throws Exception {
        BenchRun run = new BenchRun(refusingFirst(5), new BenchPosts("t", List.of(), 1), BenchFormat.JSON, 1, 16,
                false);

        ObjectNode result = run.run(POSTS, Duration.ofSeconds(1), Duration.ofSeconds(15), 0);

        assertEquals(POSTS, result.path("accepted").asInt(), result.toString());
        assertEquals(5, result.path("refused").asInt(), result.toString());
        assertEquals(5, result.path("retried_posts").asInt(), result.toString());
        assertEquals(0, result.path("never_accepted").asInt(), result.toString());
        assertEquals(0, result.path("errors").asInt(), result.toString());
        assertTrue(result.path("post_ms").path("max").asDouble() >= 1000,
                "a retried post waited its Retry-After, counted from its first due time: " + result);
        long sentTwice = bodiesById.values().stream().filter(b -> b.size() == 2).count();
        assertEquals(5, sentTwice, "each refused post was sent once more");
        bodiesById.values().stream().filter(b -> b.size() == 2)
                .forEach(b -> assertEquals(b.get(0), b.get(1), "the very same post is sent again"));
        assertFalse(BenchCommand.holds(result), "a rate that needed refusals is not sustained");
    }

    @Test
    void postsStillRefusedWhenTheRunEndsAreNeverAcceptedNotErrors() throws Exception {
        BenchRun run = new BenchRun(refusingFirst(Integer.MAX_VALUE), new BenchPosts("t", List.of(), 1),
                BenchFormat.JSON, 1, 16, false);

        ObjectNode result = run.run(POSTS, Duration.ofSeconds(1), Duration.ofMillis(2500), 0);

        assertEquals(0, result.path("accepted").asInt(), result.toString());
        assertEquals(POSTS, result.path("never_accepted").asInt(), result.toString());
        assertEquals(POSTS, result.path("retried_posts").asInt(), "each was sent again at least once: " + result);
        assertTrue(result.path("refused").asInt() >= 2 * POSTS, "refused again on the retry: " + result);
        assertEquals(0, result.path("errors").asInt(), "a refusal is not an error: " + result);
    }

    @Test
    void batchLinesRefusedWith503AreSentAgainAsABatchOfTheirOwn() throws Exception {
        Map<String, AtomicInteger> seenLines = new ConcurrentHashMap<>();
        IngestClient ingest = start("/api/v1/posts/batch", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder();
            int line = 0;
            for (String post : body.split("\n")) {
                line++;
                JsonNode node = ContractJson.mapper().readTree(post);
                String externalId = node.path("externalId").asText();
                bodiesById.computeIfAbsent(externalId, k -> new CopyOnWriteArrayList<>()).add(post);
                long number = Long.parseLong(externalId.substring(externalId.lastIndexOf('-') + 1));
                boolean firstTime = seenLines.computeIfAbsent(externalId, k -> new AtomicInteger()).getAndIncrement() == 0;
                if (firstTime && number % 2 == 1) {
                    out.append("{\"line\":").append(line).append(",\"status\":503,\"type\":\"x\"}\n");
                } else {
                    out.append("{\"line\":").append(line).append(",\"status\":202,\"id\":\"id-").append(externalId)
                            .append("\"}\n");
                }
            }
            respond(exchange, 200, "application/x-ndjson", out.toString());
        });
        BenchRun run = new BenchRun(ingest, new BenchPosts("b", List.of(), 1), BenchFormat.BATCH, 10, 16, false);

        ObjectNode result = run.run(POSTS, Duration.ofSeconds(1), Duration.ofSeconds(15), 0);

        assertEquals(POSTS, result.path("accepted").asInt(), result.toString());
        assertEquals(POSTS / 2, result.path("refused").asInt(), result.toString());
        assertEquals(POSTS / 2, result.path("retried_posts").asInt(), result.toString());
        assertEquals(0, result.path("never_accepted").asInt(), result.toString());
        assertEquals(0, result.path("errors").asInt(), result.toString());
        bodiesById.forEach((id, bodies) -> assertEquals(
                Long.parseLong(id.substring(id.lastIndexOf('-') + 1)) % 2 == 1 ? 2 : 1, bodies.size(), id));
    }

    private IngestClient start(String path, Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext(path, exchange -> {
            try {
                handler.handle(exchange);
            } catch (RuntimeException e) {
                respond(exchange, 500, "text/plain", e.toString());
            }
        });
        server.start();
        return new IngestClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "key");
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
