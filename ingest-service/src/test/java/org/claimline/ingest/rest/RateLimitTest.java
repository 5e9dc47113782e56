package org.claimline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.claimline.ingest.TestPosts.INGEST_KEY;
import static org.claimline.ingest.TestPosts.SECOND_INGEST_KEY;
import static org.claimline.ingest.TestPosts.bearer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Per-key rate limit: a key over its budget gets 429 with Retry-After; another key is not affected. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimit.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class RateLimitTest {

    /** Three requests at once, then one per second. */
    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimline.rate-limit.requests-per-second", "1", "claimline.rate-limit.burst", "3");
        }
    }

    @Test
    void keyOverItsBudgetGets429WithRetryAfterWhileOtherKeysGoOn() {
        Response limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            Response r = given().header("Authorization", bearer(INGEST_KEY)).when().get("/api/v1/posts/none");
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        assertNotNull(limited, "the fourth quick request is over the limit");
        limited.then().contentType("application/problem+json")
                .body("type", equalTo("urn:claimline:problem:rate-limited"))
                .body("status", equalTo(429));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        given().header("Authorization", bearer(SECOND_INGEST_KEY)).when().get("/api/v1/posts/none")
                .then().statusCode(404);
    }
}
