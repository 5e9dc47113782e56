package org.claimline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.claimline.ingest.TestPosts.INGEST_KEY;
import static org.claimline.ingest.TestPosts.bearer;
import static org.claimline.ingest.TestPosts.post;
import static org.claimline.ingest.TestPosts.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.claimline.infra.TestInfrastructure;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.ingest.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real broker outage (SIGKILL): POST answers 503 with Retry-After within 5 s, then accepts again by itself. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class BrokerOutageTest {

    private static final long FIVE_SECONDS_MS = 5_000;

    private static Response submit(String externalId) {
        return given().header("Authorization", bearer(INGEST_KEY)).contentType(ContentType.JSON)
                .body(post(externalId)).when().post("/api/v1/posts");
    }

    @AfterEach
    void brokerBack() {
        TestInfrastructure.kafka().start();
    }

    @Test
    void brokerDownGives503WithinFiveSecondsThenAcceptsAgain() {
        submit(uniqueId()).then().statusCode(202);

        TestInfrastructure.kafka().kill();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Response refused = submit(uniqueId());
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            refused.then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("urn:claimline:problem:unavailable"));
            assertNotNull(refused.header("Retry-After"), "503 carries Retry-After");
            assertTrue(tookMs < FIVE_SECONDS_MS, "503 after " + tookMs + " ms");
            System.out.printf("503 after %d ms%n", tookMs);
        }

        TestInfrastructure.kafka().start();
        long restarted = System.nanoTime();
        String externalId = uniqueId();
        String[] id = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Response r = submit(externalId);
            id[0] = r.statusCode() == 202 ? r.path("id") : null;
            return id[0] != null;
        });
        System.out.printf("ingest accepted again %d ms after the broker was back%n",
                (System.nanoTime() - restarted) / 1_000_000);
        assertTrue(TopicReader.first(id[0], Duration.ofSeconds(20)).isPresent(),
                "the post accepted after the outage is on the topic");
    }
}
