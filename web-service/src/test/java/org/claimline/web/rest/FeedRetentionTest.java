package org.claimline.web.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.web.repository.FeedRepository;
import org.claimline.web.service.FeedRetention;
import org.claimline.web.support.SseClient;
import org.claimline.web.support.Timeline;
import org.junit.jupiter.api.Test;

/**
 * The replay feed is bounded: old changes leave, the newest always stays, and a stream resuming from before what is
 * kept is told to reload (an SSE event named {@code reset}) instead of silently missing changes.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class FeedRetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration A_DAY = Duration.ofDays(1);

    @TestHTTPResource("/")
    URI root;

    @Inject
    FeedRetention retention;

    @Inject
    FeedRepository feed;

    @Test
    void aStreamResumingFromBeforeTheKeptChangesIsToldToReloadAndGoesOnLive() {
        String event = Timeline.newId("ev");
        String storyline = Timeline.newId("st");
        for (int i = 1; i <= 6; i++) {
            Timeline.send(Timeline.placed(event, storyline, i, event + "-p" + i, "n" + i));
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", event).then()
                .body("postCount", equalTo(6)));
        long newest = newestId();

        retention.prune(A_DAY, 3);

        assertEquals(newest - 2, oldestId(), "the newest three changes stay");
        URI eventStream = root.resolve("/api/v1/events/" + event + "/stream");
        // one change before the oldest kept one: nothing is missing, so the kept changes replay as usual
        try (SseClient resumed = SseClient.open(eventStream, newest - 3)) {
            await().atMost(WAIT).until(() -> resumed.messages().size() >= 3);
            assertEquals(List.of(event + "-p4", event + "-p5", event + "-p6"), resumed.messages().stream()
                    .map(m -> new JsonPath(m.data()).getString("post.id")).toList());
            assertTrue(resumed.messages().stream().allMatch(m -> m.event() == null), "no reset");
        }
        // from further back, changes are gone: a reset first, then live changes after it
        try (SseClient resumed = SseClient.open(eventStream, newest - 5)) {
            await().atMost(WAIT).until(() -> !resumed.messages().isEmpty());
            SseClient.Message reset = resumed.messages().get(0);
            assertEquals("reset", reset.event());
            assertTrue(reset.id() >= newest, "it resumes from where the feed stood: " + reset);
            assertEquals(newest - 2, new JsonPath(reset.data()).getLong("oldestFeedId"));
            Timeline.send(Timeline.placed(event, storyline, 7, event + "-p7", "after the reset"));
            await().atMost(WAIT).until(() -> resumed.messages().size() >= 2);
            SseClient.Message live = resumed.messages().get(1);
            assertNull(live.event());
            assertEquals(event + "-p7", new JsonPath(live.data()).getString("post.id"));
            assertTrue(live.id() > reset.id());
        }
    }

    @Test
    void changesOlderThanTheRetentionAgeLeaveButTheNewestStays() {
        String event = Timeline.newId("ev");
        String storyline = Timeline.newId("st");
        Timeline.send(Timeline.placed(event, storyline, 1, event + "-p1", "one"),
                Timeline.placed(event, storyline, 2, event + "-p2", "two"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", event).then()
                .body("postCount", equalTo(2)));
        long newest = newestId();

        assertEquals(0, retention.prune(A_DAY, Long.MAX_VALUE / 2), "nothing is a day old yet");
        retention.prune(Duration.ZERO, Long.MAX_VALUE / 2);

        assertEquals(newest, oldestId(), "only the newest change stays: the next id continues from it");
        given().get("/api/v1/events/{id}/posts", event).then().statusCode(200).body("items.size()", equalTo(2));
    }

    private long newestId() {
        return QuarkusTransaction.requiringNew().call(feed::maxId);
    }

    private long oldestId() {
        return QuarkusTransaction.requiringNew().call(feed::oldestId);
    }
}
