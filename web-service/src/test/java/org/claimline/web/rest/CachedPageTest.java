package org.claimline.web.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.web.domain.PageCache;
import org.claimline.web.support.SseClient;
import org.claimline.web.support.Timeline;
import org.junit.jupiter.api.Test;

/**
 * First pages served from memory are never older than the database: while a client keeps reading an event's first
 * page (so that it sits in the cache), every post placed is on the page read right after its change reaches the
 * event's stream (which happens after the change's commit), for the event's page and for a storyline's page.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class CachedPageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int POSTS = 12;

    @TestHTTPResource("/")
    URI root;

    @Inject
    PageCache cache;

    @Test
    void aPageReadAfterANewPostIsPlacedShowsIt() throws Exception {
        String event = Timeline.newId("ev");
        String storyline = Timeline.newId("st");
        Timeline.send(Timeline.placed(event, storyline, 1, event + "-p1", "first"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}/posts", event).then()
                .statusCode(200).body("items.id", contains(event + "-p1")));

        long hitsBefore = cache.hits();
        for (int i = 0; i < 3; i++) {
            given().get("/api/v1/events/{id}/posts", event).then().statusCode(200)
                    .body("items.id", contains(event + "-p1"));
        }
        assertTrue(cache.hits() >= hitsBefore + 2, "an unchanged first page is served from memory");

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicReference<Throwable> readerFailed = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                while (reading.get()) {
                    given().get("/api/v1/events/{id}/posts", event).then().statusCode(200);
                    given().queryParam("storyline", storyline).get("/api/v1/events/{id}/posts", event).then()
                            .statusCode(200);
                }
            } catch (Throwable e) {
                readerFailed.set(e);
            }
        }, "page-reader");
        reader.start();
        URI stream = root.resolve("/api/v1/events/" + event + "/stream");
        try (SseClient client = SseClient.open(stream, null)) {
            await().atMost(WAIT).until(() -> client.status() == 200);
            for (int n = 2; n <= POSTS + 1; n++) {
                String etag = given().get("/api/v1/events/{id}/posts", event).then().statusCode(200).extract()
                        .header("ETag");
                String post = event + "-p" + n;
                Timeline.send(Timeline.placed(event, storyline, n, post, "post " + n));
                await().atMost(WAIT).until(() -> client.messages().stream().anyMatch(m -> m.data().contains(post)));

                JsonPath page = given().get("/api/v1/events/{id}/posts", event).then().statusCode(200).extract()
                        .jsonPath();
                assertEquals(post, page.getString("items[0].id"), "the newest post is on the event's first page");
                JsonPath lane = given().queryParam("storyline", storyline).get("/api/v1/events/{id}/posts", event)
                        .then().statusCode(200).extract().jsonPath();
                assertEquals(post, lane.getString("items[0].id"), "and on its storyline's first page");
                given().header("If-None-Match", etag).get("/api/v1/events/{id}/posts", event).then()
                        .statusCode(200).body("items[0].id", equalTo(post));
            }
        } finally {
            reading.set(false);
            reader.join();
        }
        assertNull(readerFailed.get(), () -> "the background reader failed: " + readerFailed.get());
        List<String> ids = given().get("/api/v1/events/{id}/posts", event).then().extract().jsonPath()
                .getList("items.id", String.class);
        assertEquals(POSTS + 1, ids.size());
    }

    @Test
    void anUnchangedPageAnswers304FromMemory() {
        String event = Timeline.newId("ev");
        Timeline.send(Timeline.placed(event, Timeline.newId("st"), 1, event + "-p1", "first"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}/posts", event).then()
                .statusCode(200).body("items.id", contains(event + "-p1")));
        String etag = given().get("/api/v1/events/{id}/posts", event).then().statusCode(200).extract()
                .header("ETag");
        assertEquals(etag, "\"p" + cache.knownVersion(event) + "\"", "the version is known in memory");
        given().header("If-None-Match", etag).get("/api/v1/events/{id}/posts", event).then().statusCode(304);
    }
}
