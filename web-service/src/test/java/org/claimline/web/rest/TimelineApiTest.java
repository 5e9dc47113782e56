package org.claimline.web.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.web.support.Timeline;
import org.junit.jupiter.api.Test;

/** The read model as the API shows it, fed through the real broker into the real database. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class TimelineApiTest {

    // Generous: the first change of a test JVM waits for the consumer group to form on a busy 2-core machine.
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void placedPostsShowInEventsAndTimelineNewestFirst() {
        String event = Timeline.newId("ev");
        String storyline = Timeline.newId("st");
        Timeline.send(Timeline.placed(event, storyline, 1, event + "-p1", "Buses reach the crossing"),
                Timeline.placed(event, storyline, 2, event + "-p2", "Evacuation halted"));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", event).then().statusCode(200)
                .body("postCount", equalTo(2)));
        given().get("/api/v1/events/{id}", event).then()
                .body("title", equalTo("Evacuation of " + event))
                .body("status", equalTo("live"))
                .body("place.name", equalTo("East Aleppo, Syria"))
                .body("firstPostAt", notNullValue())
                .body("storylines", hasSize(1))
                .body("storylines[0].id", equalTo(storyline))
                .body("storylines[0].postCount", equalTo(2));
        given().get("/api/v1/events/{id}/posts", event).then().statusCode(200)
                .body("items.id", contains(event + "-p2", event + "-p1"))
                .body("items[0].text", equalTo("Evacuation halted"))
                .body("items[0].author.handle", equalTo("@reporter"))
                .body("items[0].signals[0].type", equalTo("first-report"))
                .body("items[0].storylineId", equalTo(storyline))
                .body("nextCursor", nullValue());
        given().get("/api/v1/events?limit=200").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(event));
    }

    @Test
    void aStorylineMergeMovesItsPostsIntoTheSurvivingStoryline() {
        String event = Timeline.newId("ev");
        String kept = Timeline.newId("st");
        String absorbed = Timeline.newId("st");
        Timeline.send(Timeline.placed(event, kept, 1, event + "-p1", "Residents say goodbye"),
                Timeline.placed(event, absorbed, 2, event + "-p2", "Residents bid farewell to their streets"),
                Timeline.placed(event, absorbed, 3, event + "-p3", "Farewell to the old city"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", event).then().statusCode(200)
                .body("storylines", hasSize(2)));

        Timeline.send(Timeline.storylinesMerged(event, 4, absorbed, kept, 3));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", event).then().statusCode(200)
                .body("storylines", hasSize(1)));
        given().get("/api/v1/events/{id}", event).then()
                .body("storylines[0].id", equalTo(kept))
                .body("storylines[0].postCount", equalTo(3))
                .body("storylines[0].signals.'first-report'", equalTo(3));
        given().get("/api/v1/events/{id}/posts?storyline={s}", event, kept).then().statusCode(200)
                .body("items.id", contains(event + "-p3", event + "-p2", event + "-p1"))
                .body("items.storylineId", contains(kept, kept, kept))
                .body("items[0].text", equalTo("Farewell to the old city"));
        given().get("/api/v1/events/{id}/posts?storyline={s}", event, absorbed).then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void timelineIsCursorPagedWithoutGapsOrRepeats() {
        String event = Timeline.newId("ev");
        String storyline = Timeline.newId("st");
        int total = 7;
        for (int i = 1; i <= total; i++) {
            Timeline.send(Timeline.placed(event, storyline, i, event + "-p" + i, "post " + i));
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", event).then().statusCode(200)
                .body("postCount", equalTo(total)));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("limit", 3).queryParam("cursor", cursor == null ? "" : cursor)
                    .queryParam("storyline", storyline)
                    .get("/api/v1/events/{id}/posts", event).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        List<String> expected = new ArrayList<>();
        for (int i = total; i >= 1; i--) {
            expected.add(event + "-p" + i);
        }
        assertEquals(expected, seen);
    }

    @Test
    void redeliveredChangesChangeNothing() {
        String event = Timeline.newId("ev");
        String storyline = Timeline.newId("st");
        Timeline.send(Timeline.placed(event, storyline, 1, event + "-p1", "first"),
                Timeline.placed(event, storyline, 2, event + "-p2", "second"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", event).then().statusCode(200)
                .body("postCount", equalTo(2)));
        // The same sequence numbers again, with different content: a duplicate must not overwrite anything.
        Timeline.send(Timeline.placed(event, storyline, 1, event + "-dup", "duplicate text"),
                Timeline.placed(event, storyline, 2, event + "-p2", "changed second"));
        // A later change proves the duplicates were consumed before it.
        Timeline.send(Timeline.placed(event, storyline, 3, event + "-p3", "third"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", event).then()
                .body("postCount", equalTo(3)));
        given().get("/api/v1/events/{id}/posts", event).then()
                .body("items.id", contains(event + "-p3", event + "-p2", event + "-p1"))
                .body("items[1].text", equalTo("second"));
    }

    @Test
    void changeAheadOfAGapIsHeldUntilTheMissingOneArrives() {
        String event = Timeline.newId("ev");
        String storyline = Timeline.newId("st");
        Timeline.send(Timeline.placed(event, storyline, 1, event + "-p1", "first"),
                Timeline.placed(event, storyline, 3, event + "-p3", "third, early"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", event).then().statusCode(200)
                .body("postCount", equalTo(1)));
        // Sequence 3 must still be held: a later, unrelated event proves the consumer has moved past it.
        String marker = Timeline.newId("ev");
        Timeline.send(Timeline.placed(marker, Timeline.newId("st"), 1, marker + "-p1", "marker"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", marker).then().statusCode(200));
        given().get("/api/v1/events/{id}/posts", event).then().body("items.id", contains(event + "-p1"));

        Timeline.send(Timeline.placed(event, storyline, 2, event + "-p2", "second, late"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}/posts", event).then()
                .body("items.id", contains(event + "-p3", event + "-p2", event + "-p1")));
        given().get("/api/v1/events/{id}", event).then().body("postCount", equalTo(3));
    }

    @Test
    void mergeMovesStorylinesAndPostsIntoTheSurvivingEvent() {
        String from = Timeline.newId("ev");
        String into = Timeline.newId("ev");
        String fromStory = Timeline.newId("st");
        String intoStory = Timeline.newId("st");
        Timeline.send(Timeline.placed(from, fromStory, 1, from + "-p1", "from event"),
                Timeline.placed(into, intoStory, 1, into + "-p1", "into event"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", from).then().statusCode(200));
        Timeline.send(Timeline.merged(into, 2, from, 2));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", from).then()
                .body("status", equalTo("merged")).body("mergedInto", equalTo(into)));
        given().get("/api/v1/events/{id}", into).then().body("storylines.id",
                org.hamcrest.Matchers.containsInAnyOrder(fromStory, intoStory));
        given().get("/api/v1/events/{id}/posts", into).then().body("items.id",
                org.hamcrest.Matchers.containsInAnyOrder(from + "-p1", into + "-p1"));
        given().get("/api/v1/events?limit=200").then().body("items.id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(from)));
    }

    @Test
    void unknownEventIs404ProblemJson() {
        given().get("/api/v1/events/{id}", "no-such-event").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("detail", containsString("no-such-event"));
        given().get("/api/v1/events/{id}/posts", "no-such-event").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badCursorOrLimitIs400NamingTheField() {
        String event = Timeline.newId("ev");
        Timeline.send(Timeline.placed(event, Timeline.newId("st"), 1, event + "-p1", "x"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", event).then().statusCode(200));
        given().queryParam("cursor", "not-a-cursor!").get("/api/v1/events/{id}/posts", event).then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("cursor"));
        given().queryParam("limit", "0").get("/api/v1/events/{id}/posts", event).then()
                .statusCode(400).body("field", equalTo("limit"));
        given().queryParam("limit", "abc").get("/api/v1/events").then()
                .statusCode(400).body("field", equalTo("limit"));
        given().queryParam("limit", "100000").get("/api/v1/events").then()
                .statusCode(400).body("field", equalTo("limit"));
        given().queryParam("status", "<script>").get("/api/v1/events").then()
                .statusCode(400).body("field", equalTo("status"))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
    }

    @Test
    void eventsAreListedNewestActivityFirstAndPaged() {
        String older = Timeline.newId("ev");
        String newer = Timeline.newId("ev");
        Timeline.send(Timeline.placed(older, Timeline.newId("st"), 1, older + "-p1", "older"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", older).then().statusCode(200));
        Timeline.send(Timeline.placed(newer, Timeline.newId("st"), 1, newer + "-p1", "newer"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/events/{id}", newer).then().statusCode(200));
        JsonPath first = given().queryParam("limit", 1).get("/api/v1/events").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(newer), first.getList("items.id"));
        assertNotNull(first.getString("nextCursor"));
        given().queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor")).get("/api/v1/events")
                .then().statusCode(200).body("items.id", contains(older));
        given().queryParam("status", "live").queryParam("limit", 200).get("/api/v1/events").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasItems(older, newer));
    }
}
