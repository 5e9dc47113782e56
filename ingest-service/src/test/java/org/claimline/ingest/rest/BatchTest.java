package org.claimline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.claimline.ingest.TestPosts.INGEST_KEY;
import static org.claimline.ingest.TestPosts.bearer;
import static org.claimline.ingest.TestPosts.minimal;
import static org.claimline.ingest.TestPosts.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.claimline.contracts.ContractJson;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.ingest.TopicReader;
import org.junit.jupiter.api.Test;

/** NDJSON batches: one result per line, a bad line does not sink the others, large bodies stream. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class BatchTest {

    private static final String NDJSON = "application/x-ndjson";

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Response response) {
        return response.asString().lines().map(l -> (Map<String, Object>) ContractJson.read(
                l.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.class)).toList();
    }

    @Test
    void badLinesGetTheirOwnProblemAndTheRestAreAccepted() {
        String good1 = uniqueId();
        String good2 = uniqueId();
        String body = minimal(good1, "first").strip() + "\n"
                + "{\"platform\": \"x\", \n"
                + "\n"
                + "{\"platform\": \"x\", \"externalId\": \"" + uniqueId() + "\", \"postedAt\": \"1990-01-01T00:00:00Z\", "
                + "\"text\": \"too old\"}\r\n"
                + minimal(good2, "second").strip();
        Response response = given().header("Authorization", bearer(INGEST_KEY)).contentType(NDJSON).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/posts/batch");
        response.then().statusCode(200).contentType(NDJSON);
        List<Map<String, Object>> results = lines(response);
        assertEquals(4, results.size(), response.asString());
        assertEquals(1, results.get(0).get("line"));
        assertEquals(202, results.get(0).get("status"));
        assertEquals(400, results.get(1).get("status"));
        assertEquals("urn:claimline:problem:malformed-request", results.get(1).get("type"));
        assertEquals(4, results.get(2).get("line"));
        assertEquals(422, results.get(2).get("status"));
        assertEquals("postedAt", results.get(2).get("field"));
        assertEquals(5, results.get(3).get("line"));
        assertEquals(202, results.get(3).get("status"));
        assertEquals("2", response.header("Claimline-Accepted"));
        assertEquals("2", response.header("Claimline-Refused"));
        String id = (String) results.get(3).get("id");
        assertTrue(TopicReader.first(id, Duration.ofSeconds(20)).isPresent());
    }

    @Test
    void aLargeBatchIsStreamedAndEveryLineAccepted() {
        int posts = 5_000;
        String padding = "p".repeat(900);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < posts; i++) {
            body.append(minimal("large-" + uniqueId(), "post " + i + " " + padding).strip()).append('\n');
        }
        long start = System.nanoTime();
        Response response = given().header("Authorization", bearer(INGEST_KEY)).contentType(NDJSON)
                .body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/api/v1/posts/batch");
        long ms = (System.nanoTime() - start) / 1_000_000;
        response.then().statusCode(200);
        assertEquals(String.valueOf(posts), response.header("Claimline-Accepted"), response.asString().lines()
                .filter(l -> !l.contains("\"status\":202")).findFirst().orElse(""));
        List<Map<String, Object>> results = lines(response);
        for (int i = 0; i < posts; i++) {
            assertEquals(i + 1, results.get(i).get("line"));
        }
        System.out.printf("batch of %d posts (%d KB) accepted in %d ms: %d posts/s%n", posts,
                body.length() / 1024, ms, posts * 1000L / Math.max(1, ms));
    }

    @Test
    void linesBeyondTheMaximumGetOneRefusalNotOneEach() {
        int maxLines = 100_000;
        int sent = 300_000;
        byte[] body = "x\n".repeat(sent).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Response response = given().header("Authorization", bearer(INGEST_KEY)).contentType(NDJSON).body(body)
                .when().post("/api/v1/posts/batch");
        response.then().statusCode(200);
        List<String> results = response.asString().lines().toList();
        assertEquals(maxLines + 1, results.size(), "one result per line up to the maximum, then one for the rest");
        assertEquals("0", response.header("Claimline-Accepted"));
        assertEquals(String.valueOf(maxLines + 1), response.header("Claimline-Refused"));
        @SuppressWarnings("unchecked")
        Map<String, Object> last = ContractJson.read(results.get(maxLines).getBytes(
                java.nio.charset.StandardCharsets.UTF_8), Map.class);
        assertEquals(maxLines + 1, last.get("line"));
        assertEquals(413, last.get("status"));
        assertEquals("urn:claimline:problem:too-large", last.get("type"));
        assertTrue(((String) last.get("detail")).contains(String.valueOf(maxLines)), last.toString());
    }

    @Test
    void batchNeedsNdjson() {
        given().header("Authorization", bearer(INGEST_KEY)).contentType("application/json").body("{}")
                .when().post("/api/v1/posts/batch")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
