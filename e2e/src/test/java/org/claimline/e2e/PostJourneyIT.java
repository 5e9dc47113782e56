package org.claimline.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged services driven as a newsroom would: a post sent to ingest arrives on web's live stream and timeline,
 * and a broker outage is answered with 503 + Retry-After at once, heals by itself, and loses or doubles no post.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostJourneyIT {

    /** The first post also pays for warm-up (group joins, the engine's first batch); later ones take milliseconds. */
    private static final Duration FIRST_ARRIVAL = Duration.ofSeconds(30);
    /** A post once the pipeline is warm: DESIGN.md asks for 250 ms at p99; this bound holds on a loaded CI machine. */
    private static final Duration WARM_ARRIVAL = Duration.ofSeconds(5);
    private static final Duration OUTAGE_ANSWER_LIMIT = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofSeconds(90);
    private static final Duration ON_TIMELINE = Duration.ofSeconds(90);
    private static final int POSTS_PER_PHASE = 5;
    private static final RestAssuredConfig HTTP = WebTimeline.HTTP;

    private Stack stack;
    private WebTimeline timeline;
    /** Every post ingest answered 2xx, in order. */
    private final List<String> accepted = new ArrayList<>();

    @BeforeAll
    void startStack() {
        stack = Stack.shared();
        timeline = new WebTimeline(stack.webUrl());
    }

    /** Whatever happened, the next test class gets a whole stack: the broker running. */
    @AfterAll
    void leaveTheStackWhole() {
        if (stack != null) {
            stack.kafka().start();
        }
    }

    @Test
    @Order(1)
    void aPostReachesTheLiveStreamAndItsEventTimeline() {
        String postId;
        try (SseListener stream = SseListener.open(stack.webUrl() + "/api/v1/stream")) {
            assertEquals(200, stream.status());
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
            long sent = System.nanoTime();
            postId = postAccepted();
            await("post " + postId + " on the SSE stream").atMost(FIRST_ARRIVAL).pollInterval(Duration.ofMillis(20))
                    .until(() -> stream.find(postId).isPresent());
            SseListener.Message message = stream.find(postId).orElseThrow();
            assertNotNull(message.id(), "every SSE message carries an id: for Last-Event-ID");
            System.out.printf("e2e: POST -> SSE of the first post took %d ms%n",
                    Duration.ofNanos(message.arrivedNanos() - sent).toMillis());

            // A second post, with the consumers warmed up, is what a newsroom sees in steady state.
            long secondSent = System.nanoTime();
            String second = postAccepted();
            await("post " + second + " on the SSE stream").atMost(FIRST_ARRIVAL).pollInterval(Duration.ofMillis(5))
                    .until(() -> stream.find(second).isPresent());
            Duration warm = Duration.ofNanos(stream.find(second).orElseThrow().arrivedNanos() - secondSent);
            System.out.printf("e2e: POST -> SSE of a second post took %d ms%n", warm.toMillis());
            assertTrue(warm.compareTo(WARM_ARRIVAL) <= 0, "a warm post took " + warm.toMillis() + " ms to reach SSE");
        }

        Map<String, String> eventOf = await("post " + postId + " on an event timeline").atMost(ON_TIMELINE)
                .until(timeline::eventOfEachPost, placed -> placed.containsKey(postId));
        String eventId = eventOf.get(postId);
        JsonPath event = given().config(HTTP).baseUri(stack.webUrl()).get("/api/v1/events/{id}", eventId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(eventId, event.getString("id"));
        List<String> posts = timeline.postIds(eventId);
        assertTrue(posts.contains(postId), "GET /api/v1/events/" + eventId + "/posts lists " + posts);
    }

    @Test
    @Order(2)
    void aBrokerOutageAnswers503ThenHealsWithoutLosingOrDoublingAPost() {
        for (int i = 0; i < POSTS_PER_PHASE; i++) {
            postAccepted();
        }

        stack.kafka().kill();
        for (int attempt = 0; attempt < 2; attempt++) {
            long started = System.nanoTime();
            Response refused = send(newPost());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(503, refused.statusCode(), "POST while the broker is down: " + refused.asString());
            String retryAfter = refused.header("Retry-After");
            assertNotNull(retryAfter, "a 503 tells the client when to retry");
            assertTrue(Integer.parseInt(retryAfter.trim()) > 0, "Retry-After: " + retryAfter);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            assertTrue(took.compareTo(OUTAGE_ANSWER_LIMIT) <= 0, "503 answered after " + took.toMillis() + " ms");
        }

        stack.kafka().start();
        await("ingest accepting posts again").atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).until(() -> {
            Response response = send(newPost());
            if (response.statusCode() == 202) {
                accepted.add(response.jsonPath().getString("id"));
                return true;
            }
            assertEquals(503, response.statusCode(), "while recovering: " + response.asString());
            return false;
        });
        for (int i = 0; i < POSTS_PER_PHASE; i++) {
            postAccepted();
        }

        await("every accepted post on the timeline").atMost(ON_TIMELINE).pollInterval(Duration.ofMillis(500))
                .until(() -> timeline.counts().keySet().containsAll(accepted));
        Map<String, Integer> counts = timeline.counts();
        for (String id : accepted) {
            assertEquals(1, counts.get(id), "post " + id + " is on the timeline exactly once");
        }
    }

    /** Sends a new post, asserts 202 with an id and a Location, remembers and returns the id. */
    private String postAccepted() {
        Response response = send(newPost());
        assertEquals(202, response.statusCode(), () -> response.asString() + stack.logTails());
        String id = response.jsonPath().getString("id");
        assertNotNull(id);
        assertEquals("accepted", response.jsonPath().getString("status"));
        assertNotNull(response.header("Location"));
        accepted.add(id);
        return id;
    }

    private Response send(String json) {
        return given().config(HTTP).baseUri(stack.ingestUrl())
                .header("Authorization", "Bearer " + stack.ingestKey())
                .contentType(ContentType.JSON).body(json)
                .post("/api/v1/posts");
    }

    private static String newPost() {
        String externalId = UUID.randomUUID().toString();
        return """
                {"platform": "x", "externalId": "%s", "url": "https://x.com/salah_ashkar/status/%s",
                 "author": {"handle": "@salah_ashkar", "displayName": "Salah Ashkar"},
                 "text": "Evacuation buses waiting at the crossing in East Aleppo #aleppo", "lang": "en",
                 "postedAt": "2016-12-13T09:12:00Z",
                 "place": {"name": "East Aleppo, Syria", "lat": 36.20, "lon": 37.17, "radiusKm": 5},
                 "tags": ["aleppo"]}
                """.formatted(externalId, externalId);
    }
}
