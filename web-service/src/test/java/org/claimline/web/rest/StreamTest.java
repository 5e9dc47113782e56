package org.claimline.web.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.web.support.SseClient;
import org.claimline.web.support.Timeline;
import org.junit.jupiter.api.Test;

/** The SSE streams: every message carries the feed id, and Last-Event-ID resumes with no gap and no duplicate. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class StreamTest {

    // Generous: the first change of a test JVM waits for the consumer group to form on a busy 2-core machine.
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/api/v1/stream")
    URI stream;

    @TestHTTPResource("/")
    URI root;

    @Test
    void aPlacedPostArrivesOnTheStreamWithAnId() {
        String event = Timeline.newId("ev");
        try (SseClient client = SseClient.open(stream, null)) {
            await().atMost(WAIT).until(() -> client.status() == 200);
            assertTrue(client.contentType().startsWith("text/event-stream"), client.contentType());
            Timeline.send(Timeline.placed(event, Timeline.newId("st"), 1, event + "-p1", "live text"));
            await().atMost(WAIT).until(() -> client.messages().stream().anyMatch(m -> m.data().contains(event)));
            SseClient.Message message = client.messages().stream().filter(m -> m.data().contains(event))
                    .findFirst().orElseThrow();
            JsonPath data = new JsonPath(message.data());
            assertTrue(message.id() > 0);
            assertEquals(message.id(), data.getLong("feedId"));
            assertEquals("POST_PLACED", data.getString("kind"));
            assertEquals("live text", data.getString("post.text"));
        }
    }

    @Test
    void resumingWithLastEventIdHasNoGapAndNoDuplicate() {
        String event = Timeline.newId("ev");
        String storyline = Timeline.newId("st");
        URI eventStream = root.resolve("/api/v1/events/" + event + "/stream");
        long resumeFrom;
        try (SseClient first = SseClient.open(eventStream, null)) {
            await().atMost(WAIT).until(() -> first.status() == 200);
            Timeline.send(Timeline.placed(event, storyline, 1, event + "-p1", "one"),
                    Timeline.placed(event, storyline, 2, event + "-p2", "two"));
            await().atMost(WAIT).until(() -> first.messages().size() >= 2);
            resumeFrom = first.messages().get(0).id();
        }
        // While no one listens, more changes are committed; then changes keep arriving during the resume.
        Timeline.send(Timeline.placed(event, storyline, 3, event + "-p3", "three"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", event).then()
                .body("postCount", equalTo(3)));
        try (SseClient resumed = SseClient.open(eventStream, resumeFrom)) {
            for (int i = 4; i <= 8; i++) {
                Timeline.send(Timeline.placed(event, storyline, i, event + "-p" + i, "n" + i));
            }
            await().atMost(WAIT).until(() -> resumed.messages().size() >= 7);
            Thread.sleep(300);
            List<String> posts = new ArrayList<>();
            long previous = resumeFrom;
            for (SseClient.Message message : resumed.messages()) {
                assertTrue(message.id() > previous, "ids rise strictly: " + resumed.messages());
                previous = message.id();
                posts.add(new JsonPath(message.data()).getString("post.id"));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 2; i <= 8; i++) {
                expected.add(event + "-p" + i);
            }
            assertEquals(expected, posts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aStreamCutOffBeforeItsFirstChangeStillResumesWithoutAGap() {
        // A page opened on a quiet event has received nothing when web-service restarts; its EventSource must still
        // have an id to resume from, or the changes made while it was away would never reach it.
        String event = Timeline.newId("ev");
        String storyline = Timeline.newId("st");
        // the feed holds at least one change of another event, so there is a position to announce
        String other = Timeline.newId("ev");
        Timeline.send(Timeline.placed(other, Timeline.newId("st"), 1, other + "-p1", "elsewhere"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", other).then()
                .body("postCount", equalTo(1)));
        URI eventStream = root.resolve("/api/v1/events/" + event + "/stream");
        long announced;
        try (SseClient fresh = SseClient.open(eventStream, null)) {
            await().atMost(WAIT).until(() -> fresh.announcedId() > 0);
            announced = fresh.announcedId();
            assertTrue(fresh.messages().isEmpty(), "nothing of this event was sent yet: " + fresh.messages());
        }
        Timeline.send(Timeline.placed(event, storyline, 1, event + "-p1", "while away"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", event).then()
                .body("postCount", equalTo(1)));
        try (SseClient resumed = SseClient.open(eventStream, announced)) {
            await().atMost(WAIT).until(() -> !resumed.messages().isEmpty());
            assertEquals(event + "-p1", new JsonPath(resumed.messages().get(0).data()).getString("post.id"));
        }
    }

    @Test
    void anEventStreamCarriesOnlyItsEvent() {
        String watched = Timeline.newId("ev");
        String other = Timeline.newId("ev");
        try (SseClient client = SseClient.open(root.resolve("/api/v1/events/" + watched + "/stream"), null)) {
            await().atMost(WAIT).until(() -> client.status() == 200);
            Timeline.send(Timeline.placed(other, Timeline.newId("st"), 1, other + "-p1", "elsewhere"),
                    Timeline.placed(watched, Timeline.newId("st"), 1, watched + "-p1", "here"));
            await().atMost(WAIT).until(() -> !client.messages().isEmpty());
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> client.messages().size() == 1);
            assertTrue(client.messages().get(0).data().contains(watched + "-p1"));
        }
    }

    @Test
    void idleStreamsGetKeepAliveComments() {
        try (SseClient client = SseClient.open(stream, null)) {
            await().atMost(WAIT).until(() -> client.comments().stream().anyMatch(c -> c.contains("keep-alive")));
        }
    }

    @Test
    void badLastEventIdIs400() {
        given().header("Last-Event-ID", "abc").get("/api/v1/stream").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("Last-Event-ID"));
    }
}
