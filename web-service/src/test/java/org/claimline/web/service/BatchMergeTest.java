package org.claimline.web.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.claimline.contracts.TimelineChanged;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.web.domain.ReceivedChange;
import org.claimline.web.support.Timeline;
import org.junit.jupiter.api.Test;

/**
 * A merge whose absorbed posts arrive in the same batch: those rows are not written yet when the merge is applied,
 * so they move in memory (no write mid-batch) and must end exactly where a merge of stored rows puts them.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class BatchMergeTest {

    @Inject
    TimelineApplier applier;

    @Test
    void aStorylineMergeInTheBatchOfItsPostsMovesThemCountsIncluded() throws SQLException {
        String event = Timeline.newId("ev");
        String kept = Timeline.newId("st");
        String absorbed = Timeline.newId("st");
        apply(Timeline.placed(event, kept, 1, event + "-p1", "Residents say goodbye"));
        // the absorbed storyline's posts and its merge in one batch: one post of it stored before, two not yet
        apply(Timeline.placed(event, absorbed, 2, event + "-p2", "Residents bid farewell to their streets"));
        apply(Timeline.placed(event, absorbed, 3, event + "-p3", "Farewell to the old city"),
                Timeline.placed(event, absorbed, 4, event + "-p4", "Farewell, old town"),
                Timeline.storylinesMerged(event, 5, absorbed, kept, 4));

        given().get("/api/v1/events/{id}", event).then().statusCode(200)
                .body("storylines", hasSize(1))
                .body("storylines[0].id", equalTo(kept))
                .body("storylines[0].postCount", equalTo(4))
                .body("storylines[0].signals.'first-report'", equalTo(4))
                .body("storylines[0].activity.bars.posts.sum()", equalTo(4));
        given().get("/api/v1/events/{id}/posts?storyline={s}", event, kept).then().statusCode(200)
                .body("items.id", contains(event + "-p4", event + "-p3", event + "-p2", event + "-p1"))
                .body("items.storylineId", contains(kept, kept, kept, kept));
        given().get("/api/v1/events/{id}/posts?storyline={s}", event, absorbed).then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void anEventMergeInTheBatchOfItsPostsMovesThemCountsIncluded() throws SQLException {
        String from = Timeline.newId("ev");
        String into = Timeline.newId("ev");
        String fromStory = Timeline.newId("st");
        String intoStory = Timeline.newId("st");
        apply(Timeline.placed(into, intoStory, 1, into + "-p1", "into event"),
                Timeline.placed(from, fromStory, 1, from + "-p1", "from event"),
                Timeline.placed(from, fromStory, 2, from + "-p2", "from event again"),
                Timeline.merged(into, 2, from, 3));

        given().get("/api/v1/events/{id}", from).then().statusCode(200)
                .body("status", equalTo("merged")).body("mergedInto", equalTo(into));
        given().get("/api/v1/events/{id}", into).then().statusCode(200)
                .body("storylines.id", containsInAnyOrder(fromStory, intoStory))
                .body("signals.'first-report'", equalTo(3));
        given().get("/api/v1/events/{id}/posts", into).then().statusCode(200)
                .body("items.id", containsInAnyOrder(from + "-p1", from + "-p2", into + "-p1"));
        given().get("/api/v1/events/{id}/posts?storyline={s}", into, fromStory).then().statusCode(200)
                .body("items.id", contains(from + "-p2", from + "-p1"));
    }

    private void apply(TimelineChanged... changes) throws SQLException {
        TimelineApplier.Result result = applier.apply(Stream.of(changes).map(ReceivedChange::of).toList());
        assertEquals(List.of(), result.rejected(), "every change applies");
        assertEquals(changes.length, result.feed().size(), "one feed row per change");
    }
}
