package org.claimline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.claimline.ingest.TestPosts.INGEST_KEY;
import static org.claimline.ingest.TestPosts.bearer;
import static org.claimline.ingest.TestPosts.minimal;
import static org.claimline.ingest.TestPosts.post;
import static org.claimline.ingest.TestPosts.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.claimline.infra.Postgres;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.ingest.Images;
import org.claimline.ingest.OwnPostgresResource;
import org.claimline.ingest.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real PostgreSQL outage (the server stopped, then started again on the same port and data): everything that needs
 * the database answers 503 problem+json with Retry-After within 5 s, never hangs and never 500s; posts accepted before
 * ingest noticed are in Kafka and reach the post log once the database is back; the service becomes ready by itself.
 * This test has a database server of its own ({@link OwnPostgresResource}), so the others never see the outage.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    /** A profile of its own: its own application, with its own PostgreSQL server and the shared broker. */
    public static class OwnDatabase implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaTestResource.class),
                    new TestResourceEntry(OwnPostgresResource.class));
        }
    }

    private static final long FIVE_SECONDS_MS = 5_000;
    private static final int CLIENT_TIMEOUT_MS = 30_000;
    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", CLIENT_TIMEOUT_MS)
                    .setParam("http.connection.timeout", CLIENT_TIMEOUT_MS));

    @OwnPostgresResource.InjectPostgres
    Postgres postgres;

    private static RequestSpecification client() {
        return given().config(TIMEOUTS);
    }

    private static RequestSpecification ingest() {
        return client().header("Authorization", bearer(INGEST_KEY));
    }

    private static Response submit(String body) {
        return ingest().contentType(ContentType.JSON).body(body).when().post("/api/v1/posts");
    }

    private static Response submitWithKey(String body, String key) {
        return ingest().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/posts");
    }

    private static Response upload(byte[] image) {
        return ingest().contentType("image/jpeg").body(image).when().post("/api/v1/media");
    }

    /** Runs a request, asserts it was answered within 5 s, and returns the answer. */
    private static Response within5s(String what, Supplier<Response> request) {
        long start = System.nanoTime();
        Response response = request.get();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("database down: %s -> %d in %d ms%n", what, response.statusCode(), tookMs);
        assertTrue(tookMs < FIVE_SECONDS_MS, what + " answered after " + tookMs + " ms");
        return response;
    }

    private static void assertUnavailable(String what, Response response) {
        assertEquals(503, response.statusCode(), what + ": " + response.asString());
        response.then().contentType("application/problem+json")
                .body("type", equalTo("urn:claimline:problem:unavailable"))
                .body("status", equalTo(503));
        assertNotNull(response.header("Retry-After"), what + " carries Retry-After");
    }

    @AfterEach
    void databaseBack() {
        postgres.start();
    }

    @Test
    void databaseDownGives503WithinFiveSecondsAndWhatWasAcceptedReachesThePostLog() throws Exception {
        String before = submit(post(uniqueId())).then().statusCode(202).extract().path("id");
        String keyBefore = "before-" + uniqueId();
        String keyedBody = post(uniqueId());
        String keyed = submitWithKey(keyedBody, keyBefore).then().statusCode(202).extract().path("id");
        String sha = upload(Images.jpeg(64, 48, Color.RED)).then().statusCode(201).extract().path("sha256");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                client().get("/q/health/ready").then().extract().path("checks.find { it.name == 'post-log' }"
                        + ".data.pendingRows") == Integer.valueOf(0));

        postgres.close();
        long stopped = System.nanoTime();

        // Nothing has told ingest yet: the first post is accepted (the broker has it) and reads back from memory.
        List<String> acceptedMeanwhile = new ArrayList<>();
        Response first = within5s("first post", () -> submit(post(uniqueId())));
        assertEquals(202, first.statusCode(), first.asString());
        acceptedMeanwhile.add(first.path("id"));
        ingest().get("/api/v1/posts/" + first.path("id")).then().statusCode(200);

        // Its post-log write fails, and from then on posts are refused until the database is back.
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response r = within5s("post", () -> submit(post(uniqueId())));
            if (r.statusCode() == 202) {
                acceptedMeanwhile.add(r.path("id"));
                return false;
            }
            assertUnavailable("post", r);
            return true;
        });
        System.out.printf("posts refused %d ms after the database stopped; %d accepted before%n",
                (System.nanoTime() - stopped) / 1_000_000, acceptedMeanwhile.size());

        assertUnavailable("post", within5s("post", () -> submit(post(uniqueId()))));
        assertUnavailable("post with an Idempotency-Key",
                within5s("post with an Idempotency-Key", () -> submitWithKey(post(uniqueId()), uniqueId())));
        assertUnavailable("read of a logged post",
                within5s("read of a logged post", () -> ingest().get("/api/v1/posts/" + before)));
        assertUnavailable("image upload",
                within5s("image upload", () -> upload(Images.jpeg(64, 48, Color.BLUE))));
        assertUnavailable("image read", within5s("image read", () -> client().get("/api/v1/media/" + sha)));
        assertUnavailable("multipart post", within5s("multipart post", () -> ingest()
                .multiPart("post", minimal(uniqueId(), "with a photo"))
                .multiPart("media", "street.jpg", Images.jpeg(64, 48, Color.GREEN), "image/jpeg")
                .when().post("/api/v1/posts")));
        assertUnavailable("batch", within5s("batch", () -> ingest().contentType("application/x-ndjson")
                .body((minimal(uniqueId(), "one").strip() + "\n" + minimal(uniqueId(), "two").strip())
                        .getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/posts/batch")));
        within5s("readiness", () -> client().get("/q/health/ready")).then().statusCode(503);

        postgres.start();
        long restarted = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> client().get("/q/health/ready").statusCode() == 200);
        System.out.printf("ready again %d ms after the database was back%n",
                (System.nanoTime() - restarted) / 1_000_000);

        for (String id : acceptedMeanwhile) {
            assertTrue(TopicReader.first(id, Duration.ofSeconds(20)).isPresent(), "post " + id + " is in Kafka");
        }
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> loggedCount(acceptedMeanwhile) == acceptedMeanwhile.size());
        for (String id : acceptedMeanwhile) {
            ingest().get("/api/v1/posts/" + id).then().statusCode(200);
        }

        ingest().get("/api/v1/posts/" + before).then().statusCode(200);
        assertEquals(keyed, submitWithKey(keyedBody, keyBefore).then().statusCode(202).extract().path("id"),
                "the Idempotency-Key from before the outage is still known");
        submitWithKey(post(uniqueId()), keyBefore).then().statusCode(409);
        submit(post(uniqueId())).then().statusCode(202);
        upload(Images.jpeg(64, 48, Color.BLUE)).then().statusCode(201);
        client().get("/api/v1/media/" + sha).then().statusCode(200);
    }

    /** How many of these post ids are committed in the post log, read straight from the database. */
    private long loggedCount(List<String> ids) throws Exception {
        String url = postgres.jdbcUrl(OwnPostgresResource.DATABASE);
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, Postgres.USER);
             PreparedStatement s = c.prepareStatement("select count(*) from post_log where id = any (?)")) {
            Array array = c.createArrayOf("varchar", ids.toArray());
            s.setArray(1, array);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
