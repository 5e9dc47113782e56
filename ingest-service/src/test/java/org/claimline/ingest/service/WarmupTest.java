package org.claimline.ingest.service;

import static io.restassured.RestAssured.given;
import static org.claimline.ingest.TestPosts.EDITOR_KEY;
import static org.claimline.ingest.TestPosts.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import org.claimline.ingest.TopicReader;
import org.claimline.ingest.domain.PostIds;
import org.claimline.ingest.domain.PostJson;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** The start-up rehearsal runs the post path on its sample and leaves no post behind: not on the topic, not logged. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class WarmupTest {

    @Inject
    Warmup warmup;

    @Test
    void rehearsalPublishesAndStoresNothing() throws Exception {
        String sampleId = PostIds.of(PostJson.parse(Warmup.sample()).get("platform").asText(),
                PostJson.parse(Warmup.sample()).get("externalId").asText());

        warmup.run();
        assertEquals(422, warmup.rehearseRequest(RestAssured.port), "the rehearsed request is refused, never accepted");

        assertTrue(TopicReader.recordsWithKey(sampleId, Duration.ofSeconds(3)).isEmpty(),
                "the rehearsal must never publish its sample post");
        given().header("Authorization", bearer(EDITOR_KEY)).when().get("/api/v1/posts/" + sampleId)
                .then().statusCode(404);
    }
}
