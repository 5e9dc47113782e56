package org.claimline.claims.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimline.claims.Kafka;
import org.claimline.claims.TestPosts;
import org.claimline.claims.repository.EventEntity;
import org.claimline.claims.repository.EventRepository;
import org.claimline.claims.repository.PostRepository;
import org.claimline.contracts.ChangeKind;
import org.claimline.contracts.EventsMerged;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.TimelineChanged;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** The grouping engine inside the service: merges reach the database and the timeline, and a rebuilt engine remembers. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GroupingPipelineTest {

    private static final Instant T0 = Instant.parse("2017-03-02T14:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(45);

    @Inject
    PlacerState placerState;
    @Inject
    PostRepository posts;
    @Inject
    EventRepository events;

    @Test
    void aPostLinkingTwoEventsMergesThemAndBothTimelinesTellIt() {
        Place north = TestPosts.somewhere();
        Place south = new Place(null, -north.lat(), north.lon(), 1.0);
        String imageA = TestPosts.newImage();
        String imageB = TestPosts.newImage();
        TimelineChanged b1 = placeOne(TestPosts.post(TestPosts.newId("b1"), "@kai", south, T0,
                "Dam spillway opened after record rainfall", imageB));
        TimelineChanged b2 = placeOne(TestPosts.post(TestPosts.newId("b2"), "@lea", south, T0.plusSeconds(120),
                "Spillway water rising fast downstream", imageB));
        PostAccepted a = TestPosts.post(TestPosts.newId("a1"), "@max", north, T0.plusSeconds(60),
                "Radio mast collapsed in high wind", imageA);
        TimelineChanged a1 = placeOne(a);
        assertEquals(b1.eventId(), b2.eventId());
        assertNotEquals(b1.eventId(), a1.eventId(), "nothing links the two places yet");

        TimelineChanged linking = placeOne(TestPosts.post(TestPosts.newId("link"), "@ned", north, T0.plusSeconds(300),
                "Both photos are from the same storm", imageA, imageB));

        String into = b1.eventId();
        String from = a1.eventId();
        assertEquals(into, linking.eventId(), "the larger event absorbs the smaller");
        List<TimelineChanged> timeline = Kafka.timeline();
        TimelineChanged closing = merged(timeline, from);
        TimelineChanged absorbing = merged(timeline, into);
        assertEquals(new EventsMerged(from, into), closing.merged());
        assertEquals(new EventsMerged(from, into), absorbing.merged());
        assertEquals(a1.sequence() + 1, closing.sequence());
        assertEquals(EventEntity.MERGED, closing.event().status());
        assertEquals(b2.sequence() + 1, absorbing.sequence());
        assertEquals(absorbing.sequence() + 1, linking.sequence());
        assertEquals(4, linking.event().postCount());
        assertEquals(4, linking.event().authorCount(), "the authors of both events, counted once");
        assertTrue(linking.post().reasons().stream().anyMatch(r -> r.contains("merged")), linking.post().reasons()::toString);
        assertEquals(into, QuarkusTransaction.requiringNew().call(() -> posts.find("id", a.id()).firstResult().eventId),
                "the absorbed event's posts moved");
        assertEquals(EventEntity.MERGED, QuarkusTransaction.requiringNew().call(() -> events.findById(from).status));
    }

    @Test
    void aRebuiltEngineRemembersWhatWasPlacedBefore() {
        PostAccepted before = TestPosts.post(TestPosts.newId("before"), "@ola", TestPosts.somewhere(), T0,
                "Ferry aground at the harbour mouth", TestPosts.newImage());
        TimelineChanged first = placeOne(before);

        // as after a restart: the next batch finds no hot state and replays the database into a fresh engine
        placerState.invalidate();
        PostAccepted reply = TestPosts.post(TestPosts.newId("reply"), "@pia", TestPosts.somewhere(),
                T0.plusSeconds(600), "Look at this");
        reply = new PostAccepted(reply.schemaVersion(), reply.id(), reply.platform(), reply.externalId(), reply.url(),
                reply.author(), reply.text(), reply.lang(), reply.postedAt(), reply.acceptedAt(), reply.place(),
                reply.media(), reply.tags(), before.externalId());
        TimelineChanged second = placeOne(reply);

        assertEquals(first.eventId(), second.eventId(), "only the reply, remembered from the database, links them");
        assertEquals(first.storyline().id(), second.storyline().id());
        assertTrue(second.post().signals().stream().noneMatch(s -> s.type().equals("first-report")));
    }

    @Test
    void theHotSetSizeIsAMetricOperatorsCanWatch() {
        placeOne(TestPosts.post(TestPosts.newId("hot"), "@uma", TestPosts.somewhere(), T0,
                "Bridge closed after a barge struck a pier", TestPosts.newImage()));

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher gauge = Pattern.compile("(?m)^claimline_claims_placer_hot_events (\\S+)$").matcher(metrics);
        assertTrue(gauge.find(), "the hot set's gauge is exported");
        assertTrue(Double.parseDouble(gauge.group(1)) >= 1, "the event just opened is hot: " + gauge.group(1));
    }

    private static TimelineChanged placeOne(PostAccepted post) {
        Kafka.publish(post);
        return PostPipelineTest.placed(PostPipelineTest.awaitPlaced(post), post);
    }

    private static TimelineChanged merged(List<TimelineChanged> timeline, String eventId) {
        return await().atMost(WAIT).until(Kafka::timeline, t -> t.stream()
                .anyMatch(c -> c.kind() == ChangeKind.EVENTS_MERGED && c.eventId().equals(eventId)))
                .stream().filter(c -> c.kind() == ChangeKind.EVENTS_MERGED && c.eventId().equals(eventId))
                .findFirst().orElseThrow();
    }
}
