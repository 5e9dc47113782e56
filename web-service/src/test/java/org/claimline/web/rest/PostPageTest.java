package org.claimline.web.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.claimline.contracts.ClaimedAuthor;
import org.claimline.contracts.EventSummary;
import org.claimline.contracts.MediaFingerprint;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostSummary;
import org.claimline.contracts.SignalNote;
import org.claimline.contracts.StorylineSummary;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.web.support.Timeline;
import org.junit.jupiter.api.Test;

/**
 * The timeline page as a client reads it: the exact JSON of posts with media, tags, signals, right-to-left and
 * hostile text (what the API returned before posts were stored pre-rendered), and the ETag that lets a monitor
 * poll a page for a 304 until a post changes it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PostPageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2016-12-13T09:00:00Z");

    @Test
    void pageJsonIsTheSameAsTheEntityRenderedOne() throws Exception {
        String event = Timeline.newId("ev");
        String storyline = Timeline.newId("st");
        EventSummary summary = new EventSummary(event, "Evacuation", new Place("East Aleppo", 36.2, 37.17, 5.0),
                T0, T0.plusSeconds(600), 3, 3, 1, "live");
        StorylineSummary lane = new StorylineSummary(storyline, event, "buses", event + "-rich", T0,
                T0.plusSeconds(600), 3, 3, 2);
        PostSummary rich = new PostSummary(event + "-rich", "x", "1809", "https://x.com/a/status/1809",
                new ClaimedAuthor("@حلب_اليوم", "حلب \"اليوم\" <b>"), "الحافلات وصلت إلى المعبر </script><img src=x onerror=alert(1)>",
                "ar", T0.plusMillis(120_456), new Place("حلب الشرقية", 36.2014, 37.1612, null),
                List.of(new MediaFingerprint("ab".repeat(32), "image/jpeg", 20_480, 640, 480, "f0f0f0f0f0f0f0f0",
                        T0.minusSeconds(30), 36.2, 37.16, "Canon"),
                        new MediaFingerprint("cd".repeat(32), "image/png", 512, 8, 8, null, null, null, null, null)),
                List.of("aleppo", "evacuation"), List.of("same image as post p0", "same place cell and time window"),
                List.of(new SignalNote("recycled-media", "image first seen 2014", "p0"),
                        new SignalNote("first-report", "earliest post of its storyline", null)));
        PostSummary bare = new PostSummary(event + "-bare", null, null, null, new ClaimedAuthor("@only", null),
                "no place, no media", null, T0.plusSeconds(60), null, null, null, null, null);
        PostSummary radiusOnly = new PostSummary(event + "-radius", "telegram", "7", "javascript:alert(1)",
                null, "place with only a radius", "en", T0, new Place(null, null, null, 3.0), null, List.of("x"),
                null, null);
        Timeline.send(Timeline.placed(1, summary, lane, rich), Timeline.placed(2, summary, lane, bare),
                Timeline.placed(3, summary, null, radiusOnly));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}/posts", event).then()
                .statusCode(200).body("items.id", contains(event + "-rich", event + "-bare", event + "-radius")));

        String body = given().get("/api/v1/events/{id}/posts", event).then().statusCode(200)
                .contentType(containsString("application/json")).extract().asString();
        JsonNode expected = JSON.readTree("""
                {"items":[
                 {"id":"%1$s-rich","eventId":"%1$s","storylineId":"%2$s","platform":"x","externalId":"1809",
                  "url":"https://x.com/a/status/1809",
                  "author":{"handle":"@حلب_اليوم","displayName":"حلب \\"اليوم\\" <b>"},
                  "text":"الحافلات وصلت إلى المعبر </script><img src=x onerror=alert(1)>","lang":"ar",
                  "postedAt":"2016-12-13T09:02:00.456Z",
                  "place":{"name":"حلب الشرقية","lat":36.2014,"lon":37.1612},
                  "media":[{"sha256":"%3$s","mime":"image/jpeg","sizeBytes":20480,"width":640,"height":480,
                    "perceptualHash":"f0f0f0f0f0f0f0f0","takenAt":"2016-12-13T08:59:30Z","gpsLat":36.2,
                    "gpsLon":37.16,"camera":"Canon"},
                   {"sha256":"%4$s","mime":"image/png","sizeBytes":512,"width":8,"height":8}],
                  "tags":["aleppo","evacuation"],
                  "reasons":["same image as post p0","same place cell and time window"],
                  "signals":[{"type":"recycled-media","reason":"image first seen 2014","relatedPostId":"p0"},
                   {"type":"first-report","reason":"earliest post of its storyline"}]},
                 {"id":"%1$s-bare","eventId":"%1$s","storylineId":"%2$s","author":{"handle":"@only"},
                  "text":"no place, no media","postedAt":"2016-12-13T09:01:00Z",
                  "media":[],"tags":[],"reasons":[],"signals":[]},
                 {"id":"%1$s-radius","eventId":"%1$s","platform":"telegram","externalId":"7",
                  "url":"javascript:alert(1)","text":"place with only a radius","lang":"en",
                  "postedAt":"2016-12-13T09:00:00Z","media":[],"tags":["x"],"reasons":[],"signals":[]}],
                 "nextCursor":null}
                """.formatted(event, storyline, "ab".repeat(32), "cd".repeat(32)));
        assertEquals(expected, JSON.readTree(body));
    }

    @Test
    void pageEtagAnswers304UntilAPostChangesThePage() {
        String event = Timeline.newId("ev");
        String storyline = Timeline.newId("st");
        Timeline.send(Timeline.placed(event, storyline, 1, event + "-p1", "first"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}/posts", event).then()
                .statusCode(200).body("items.id", contains(event + "-p1")));
        String etag = given().get("/api/v1/events/{id}/posts", event).then().statusCode(200).extract()
                .header("ETag");
        assertNotNull(etag, "a page of a known event carries an ETag");
        given().header("If-None-Match", etag).get("/api/v1/events/{id}/posts", event).then().statusCode(304);
        // a filtered page of the same event has the same version; its own URL keeps them apart for a cache
        given().header("If-None-Match", etag).queryParam("lang", "en").get("/api/v1/events/{id}/posts", event)
                .then().statusCode(304);

        Timeline.send(Timeline.placed(event, storyline, 2, event + "-p2", "second"));
        await().atMost(WAIT).untilAsserted(() -> given().header("If-None-Match", etag)
                .get("/api/v1/events/{id}/posts", event).then().statusCode(200)
                .body("items.id", contains(event + "-p2", event + "-p1")));
        String next = given().get("/api/v1/events/{id}/posts", event).then().extract().header("ETag");
        assertNotEquals(etag, next);
        given().header("If-None-Match", next).get("/api/v1/events/{id}/posts", event).then().statusCode(304);
    }

    @Test
    void mergeChangesThePagesOfBothEvents() {
        String from = Timeline.newId("ev");
        String into = Timeline.newId("ev");
        Timeline.send(Timeline.placed(from, Timeline.newId("st"), 1, from + "-p1", "absorbed"),
                Timeline.placed(into, Timeline.newId("st"), 1, into + "-p1", "surviving"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}/posts", from).then()
                .statusCode(200).body("items.id", contains(from + "-p1")));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}/posts", into).then()
                .statusCode(200).body("items.id", contains(into + "-p1")));
        String fromTag = given().get("/api/v1/events/{id}/posts", from).then().extract().header("ETag");
        String intoTag = given().get("/api/v1/events/{id}/posts", into).then().extract().header("ETag");

        Timeline.send(Timeline.merged(into, 2, from, 2));
        await().atMost(WAIT).untilAsserted(() -> given().header("If-None-Match", intoTag)
                .get("/api/v1/events/{id}/posts", into).then().statusCode(200)
                .body("items.id", containsInAnyOrder(into + "-p1", from + "-p1"))
                .body("items.eventId", contains(into, into)));
        given().header("If-None-Match", fromTag).get("/api/v1/events/{id}/posts", from).then().statusCode(200);
    }
}
