package org.claimline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.claimline.ingest.TestPosts.EDITOR_KEY;
import static org.claimline.ingest.TestPosts.INGEST_KEY;
import static org.claimline.ingest.TestPosts.SECOND_INGEST_KEY;
import static org.claimline.ingest.TestPosts.bearer;
import static org.claimline.ingest.TestPosts.minimal;
import static org.claimline.ingest.TestPosts.post;
import static org.claimline.ingest.TestPosts.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.claimline.contracts.PostAccepted;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.ingest.TopicReader;
import org.claimline.ingest.repository.PostLogEntry;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PostResourceTest {

    private static final Duration TOPIC_WAIT = Duration.ofSeconds(20);

    private static Response submit(String key, String body) {
        return given().header("Authorization", bearer(key)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/posts");
    }

    @Test
    void acceptedPostIsOnTheTopicKeyedByItsIdWithLocation() {
        String externalId = uniqueId();
        Instant before = Instant.now();
        Response response = submit(INGEST_KEY, post(externalId));
        response.then().statusCode(202)
                .body("status", equalTo("accepted"))
                .body("id", matchesPattern("[0-9a-f-]{36}"));
        String id = response.path("id");
        assertEquals("/api/v1/posts/" + id, java.net.URI.create(response.header("Location")).getPath());

        PostAccepted record = TopicReader.first(id, TOPIC_WAIT).orElseThrow();
        assertEquals(id, record.id());
        assertEquals(PostAccepted.SCHEMA_VERSION, record.schemaVersion());
        assertEquals("x", record.platform());
        assertEquals(externalId, record.externalId());
        assertEquals("@salah_ashkar", record.author().handle());
        assertEquals(Instant.parse("2016-12-13T09:12:00Z"), record.postedAt());
        assertEquals(36.20, record.place().lat());
        assertEquals(List.of("aleppo"), record.tags());
        assertTrue(!record.acceptedAt().isBefore(before.minusSeconds(1)), "acceptedAt is the time of acceptance");
    }

    @Test
    void getReturnsWhatWasAcceptedAndTheLogReachesTheDatabase() {
        String externalId = uniqueId();
        String id = submit(INGEST_KEY, post(externalId)).then().statusCode(202).extract().path("id");

        given().header("Authorization", bearer(INGEST_KEY)).when().get("/api/v1/posts/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("externalId", equalTo(externalId))
                .body("text", equalTo("At home waiting for the inevitable fate"))
                .body("place.name", equalTo("East Aleppo, Syria"));
        given().header("Authorization", bearer(EDITOR_KEY)).when().get("/api/v1/posts/" + id)
                .then().statusCode(200).body("id", equalTo(id));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> inTransaction(() -> PostLogEntry.findById(id) != null));
    }

    @Test
    void samePostTwiceGetsTheSameIdFromAnyKey() {
        String externalId = uniqueId();
        String first = submit(INGEST_KEY, post(externalId)).then().statusCode(202).extract().path("id");
        String second = submit(SECOND_INGEST_KEY, post(externalId)).then().statusCode(202).extract().path("id");
        assertEquals(first, second);
        String other = submit(INGEST_KEY, post(uniqueId())).then().statusCode(202).extract().path("id");
        assertNotEquals(first, other);
        // both copies travel (the broker may have acknowledged either); claims keeps one by the unique post id
        assertEquals(2, TopicReader.recordsWithKey(first, TOPIC_WAIT).size());
    }

    @Test
    void sameIdempotencyKeyAndBodyGivesTheSameIdTwice() {
        String externalId = uniqueId();
        String key = "import-" + uniqueId();
        String first = given().header("Authorization", bearer(INGEST_KEY)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(post(externalId)).post("/api/v1/posts")
                .then().statusCode(202).extract().path("id");
        String second = given().header("Authorization", bearer(INGEST_KEY)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(post(externalId)).post("/api/v1/posts")
                .then().statusCode(202).extract().path("id");
        assertEquals(first, second);
    }

    @Test
    void sameIdempotencyKeyWithADifferentPostIs409() {
        String key = "import-" + uniqueId();
        given().header("Authorization", bearer(INGEST_KEY)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(post(uniqueId())).post("/api/v1/posts")
                .then().statusCode(202);
        given().header("Authorization", bearer(INGEST_KEY)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(post(uniqueId())).post("/api/v1/posts")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:claimline:problem:idempotency-conflict"))
                .body("field", equalTo("Idempotency-Key"));
    }

    @Test
    void idempotencyConflictIsFoundInTheDatabaseToo() {
        String key = "import-" + uniqueId();
        String id = given().header("Authorization", bearer(INGEST_KEY)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(post(uniqueId())).post("/api/v1/posts")
                .then().statusCode(202).extract().path("id");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> inTransaction(() -> PostLogEntry.findById(id) != null));
        given().header("Authorization", bearer(INGEST_KEY)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(minimal(uniqueId(), "another post")).post("/api/v1/posts")
                .then().statusCode(409);
    }

    @Test
    void missingOrWrongKeyIs401ProblemJson() {
        given().contentType(ContentType.JSON).body(post(uniqueId())).when().post("/api/v1/posts")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:claimline:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("field", equalTo("Authorization"));
        submit("not-a-key", post(uniqueId())).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic " + INGEST_KEY).contentType(ContentType.JSON).body(post(uniqueId()))
                .when().post("/api/v1/posts").then().statusCode(401);
        given().when().get("/api/v1/posts/00000000-0000-0000-0000-000000000000").then().statusCode(401);
    }

    @Test
    void editorKeyCannotSubmitPosts() {
        submit(EDITOR_KEY, post(uniqueId())).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:claimline:problem:forbidden"));
    }

    @Test
    void malformedJsonIs400() {
        submit(INGEST_KEY, "{\"platform\": \"x\", ").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:claimline:problem:malformed-request"))
                .body("status", equalTo(400));
    }

    @Test
    void missingRequiredFieldIs422NamingIt() {
        submit(INGEST_KEY, "{\"platform\": \"x\", \"postedAt\": \"2016-12-13T09:12:00Z\", \"text\": \"hi\"}")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:claimline:problem:invalid-value"))
                .body("field", equalTo("externalId"));
    }

    @Test
    void nulCharacterAndLoneSurrogateAreRefused() {
        submit(INGEST_KEY, minimal(uniqueId(), "before\\u0000after")).then().statusCode(422)
                .body("field", equalTo("text"));
        submit(INGEST_KEY, minimal(uniqueId(), "broken \\ud800 pair")).then().statusCode(422)
                .body("field", equalTo("text"));
    }

    @Test
    void latitudeOutOfRangeIs422() {
        String body = post(uniqueId()).replace("\"lat\": 36.20", "\"lat\": 91.5");
        submit(INGEST_KEY, body).then().statusCode(422).body("field", equalTo("place.lat"));
    }

    @Test
    void unknownPostIs404ProblemJson() {
        given().header("Authorization", bearer(INGEST_KEY)).when().get("/api/v1/posts/nope")
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("id"));
    }

    private static boolean inTransaction(java.util.function.BooleanSupplier check) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(check::getAsBoolean);
    }
}
