package org.claimline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.claimline.ingest.TestPosts.EDITOR_KEY;
import static org.claimline.ingest.TestPosts.INGEST_KEY;
import static org.claimline.ingest.TestPosts.bearer;
import static org.claimline.ingest.TestPosts.minimal;
import static org.claimline.ingest.TestPosts.post;
import static org.claimline.ingest.TestPosts.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.Supplier;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.ingest.Images;
import org.claimline.ingest.TopicReader;
import org.claimline.ingest.domain.PostIds;
import org.junit.jupiter.api.Test;

/**
 * Overload: with the bound of posts in flight reached (here 1, held by a batch whose body is still arriving), every way
 * a post comes in is refused at once with 503 + Retry-After problem+json; the refused post is not published and not in
 * the post log, its Idempotency-Key is not taken, health, metrics and reads still answer, and once the work in flight
 * is done the very same request is accepted.
 */
@QuarkusTest
@TestProfile(OverloadTest.OnePostInFlight.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class OverloadTest {

    private static final String NDJSON = "application/x-ndjson";
    private static final Duration AT_ONCE = Duration.ofSeconds(2);
    private static final int SOCKET_TIMEOUT_MS = 30_000;

    /** Room for one post in flight: one open request fills it. */
    public static class OnePostInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimline.posts.max-in-flight", "1");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void beyondTheBoundEveryWayInIsRefusedAtOnceAndNothingIsPublishedThenTheSameRequestIsAccepted() throws Exception {
        String externalId = uniqueId();
        String id = PostIds.of("x", externalId);
        String idempotencyKey = "overload-" + externalId;
        Supplier<Response> send = () -> given().header("Authorization", bearer(INGEST_KEY))
                .header("Idempotency-Key", idempotencyKey).contentType("application/json").body(post(externalId))
                .when().post("/api/v1/posts");
        // below the bound a post is accepted as always (and the topic exists for the checks below)
        given().header("Authorization", bearer(INGEST_KEY)).contentType("application/json")
                .body(minimal(uniqueId(), "before the surge")).when().post("/api/v1/posts").then().statusCode(202);
        double refusedBefore = refusedMetric("posts");

        String heldId = uniqueId();
        try (Socket held = startChunkedBatch(minimal(heldId, "held open").strip())) {
            long started = System.nanoTime();
            Response refused = send.get();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            refused.then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "2")
                    .body("type", equalTo("urn:claimline:problem:overloaded"))
                    .body("status", equalTo(503))
                    .body("field", nullValue())
                    .body("instance", equalTo("/api/v1/posts"));
            assertTrue(took.compareTo(AT_ONCE) < 0, "refused in " + took.toMillis() + " ms");
            assertEquals(refusedBefore + 1, refusedMetric("posts"), "the refusal is counted");

            given().header("Authorization", bearer(INGEST_KEY)).contentType(NDJSON)
                    .body((minimal(uniqueId(), "in a batch").strip() + "\n").getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/posts/batch")
                    .then().statusCode(503).header("Retry-After", "2")
                    .body("type", equalTo("urn:claimline:problem:overloaded"));
            given().header("Authorization", bearer(INGEST_KEY))
                    .multiPart("post", minimal(uniqueId(), "with a photo"))
                    .multiPart("media", "street.jpg", Images.jpeg(64, 48, Color.ORANGE), "image/jpeg")
                    .when().post("/api/v1/posts")
                    .then().statusCode(503).body("type", equalTo("urn:claimline:problem:overloaded"));
            given().header("Authorization", bearer(INGEST_KEY)).contentType("image/jpeg")
                    .body(Images.jpeg(64, 48, Color.CYAN))
                    .when().post("/api/v1/media")
                    .then().statusCode(503).body("type", equalTo("urn:claimline:problem:overloaded"));

            // what is not a post is never bounded, and a key of the wrong role still learns it is the wrong role
            given().when().get("/q/health/live").then().statusCode(200);
            given().when().get("/q/openapi").then().statusCode(200);
            given().header("Authorization", bearer(EDITOR_KEY)).contentType("application/json")
                    .body(minimal(uniqueId(), "editor")).when().post("/api/v1/posts").then().statusCode(403);
            assertTrue(TopicReader.recordsWithKey(id, Duration.ofSeconds(3)).isEmpty(), "the refused post is not published");
            given().header("Authorization", bearer(INGEST_KEY)).when().get("/api/v1/posts/" + id)
                    .then().statusCode(404);

            String heldAnswer = finishChunkedBatch(held);
            assertTrue(heldAnswer.startsWith("HTTP/1.1 200"), heldAnswer);
            assertTrue(heldAnswer.contains("\"status\":202"), "the request held open was accepted: " + heldAnswer);
        }
        awaitInFlight(n -> n == 0);

        Response accepted = send.get();
        accepted.then().statusCode(202).body("id", equalTo(id));
        assertEquals(1, TopicReader.recordsWithKey(id, Duration.ofSeconds(10)).size(), "published once");
        given().header("Authorization", bearer(INGEST_KEY)).when().get("/api/v1/posts/" + id)
                .then().statusCode(200).body("externalId", equalTo(externalId));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("claimline_ingest_posts_in_flight_peak"));
    }

    @Test
    void aRefusedRequestLeavesItsKeepAliveConnectionUsableAndAnAbandonedOneGivesItsPlaceBack() throws Exception {
        try (Socket held = startChunkedBatch(minimal(uniqueId(), "held open").strip());
                Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            byte[] body = minimal(uniqueId(), "refused on a kept-alive connection").getBytes(StandardCharsets.UTF_8);
            write(socket, "POST /api/v1/posts HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer(INGEST_KEY)
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body);
            Answer first = read(socket.getInputStream());
            assertEquals(503, first.status(), first.body());
            assertTrue(first.header("connection") == null || !first.header("connection").equalsIgnoreCase("close"),
                    "keep-alive kept: " + first.headers());

            write(socket, "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n", new byte[0]);
            Answer second = read(socket.getInputStream());
            assertEquals(200, second.status(), "the next request on the same connection is served: " + second.body());
            held.close();
        }
        // the client hung up on the request it held open: its place in flight is given back all the same
        awaitInFlight(n -> n == 0);
    }

    private static double refusedMetric(String endpoint) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        String prefix = "claimline_ingest_overload_refused_total{endpoint=\"" + endpoint + "\"";
        return metrics.lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    /** A batch whose body is still arriving: admitted, it holds its place in flight until the body ends. */
    private Socket startChunkedBatch(String line) throws IOException, InterruptedException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(SOCKET_TIMEOUT_MS);
        byte[] chunk = (line + "\n").getBytes(StandardCharsets.UTF_8);
        write(socket, "POST /api/v1/posts/batch HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer(INGEST_KEY)
                + "\r\nContent-Type: " + NDJSON + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(chunk.length) + "\r\n", chunk);
        write(socket, "\r\n", new byte[0]);
        awaitInFlight(n -> n >= 1);
        return socket;
    }

    /** Until the posts-in-flight gauge satisfies {@code until} (the held batch admitted, or all work done). */
    private static void awaitInFlight(DoublePredicate until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double last = Double.NaN;
        while (System.nanoTime() < deadline) {
            String metrics = given().when().get("/q/metrics").then().extract().asString();
            last = metrics.lines()
                    .filter(l -> l.startsWith("claimline_ingest_posts_in_flight ")
                            || l.startsWith("claimline_ingest_posts_in_flight{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .findFirst().orElse(Double.NaN);
            if (until.test(last)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("posts in flight stayed at " + last);
    }

    private static String finishChunkedBatch(Socket socket) throws IOException {
        write(socket, "0\r\n\r\n", new byte[0]);
        Answer answer = read(socket.getInputStream());
        return "HTTP/1.1 " + answer.status() + "\n" + answer.body();
    }

    private static void write(Socket socket, String head, byte[] body) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** One HTTP/1.1 answer: status, headers (lower-case names) and a body sent with a length or chunked. */
    private record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        int status = Integer.parseInt(line(in).split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while (!(line = line(in)).isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            int size;
            while ((size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("connection closed");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
