package org.claimline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.claimline.ingest.TestPosts.INGEST_KEY;
import static org.claimline.ingest.TestPosts.bearer;
import static org.claimline.ingest.TestPosts.minimal;
import static org.claimline.ingest.TestPosts.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.claimline.contracts.ContractJson;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.ingest.StreamingHttp;
import org.claimline.ingest.StreamingHttp.Answer;
import org.claimline.ingest.TopicReader;
import org.claimline.ingest.domain.PostIds;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies over a limit, on every way in, declared with a Content-Length or streamed chunked without one: each gets a
 * 413 problem+json naming the limit (never the HTTP layer's bare 413), the server stops reading early where it can, a
 * batch over the limit accepts none of its posts, and the service is ready afterwards. Bodies are streamed from one
 * small buffer, so the test holds none of them in memory.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OversizeBodyTest {

    /** {@code quarkus.http.limits.max-body-size=32M}. */
    private static final long SERVER_LIMIT = 32L * 1024 * 1024;
    private static final long POST_LIMIT = 262_144;
    private static final long IMAGE_LIMIT = 20_000_000;
    private static final long FORM_FIELD_LIMIT = 256 * 1024;
    private static final long OVER_SERVER_LIMIT = SERVER_LIMIT + 1024 * 1024;
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String MULTIPART = "multipart/form-data; boundary=BOUNDARY";
    private static final String POST_PREFIX =
            "{\"platform\":\"x\",\"externalId\":\"big\",\"postedAt\":\"2016-12-13T09:12:00Z\",\"text\":\"";
    private static final String POST_PART_HEAD = "--BOUNDARY\r\nContent-Disposition: form-data; name=\"post\"\r\n\r\n";
    private static final String MEDIA_PART_HEAD = POST_PART_HEAD
            + "{\"platform\":\"x\",\"externalId\":\"mp\",\"postedAt\":\"2016-12-13T09:12:00Z\",\"text\":\"t\"}\r\n"
            + "--BOUNDARY\r\nContent-Disposition: form-data; name=\"media\"; filename=\"a.jpg\"\r\n"
            + "Content-Type: image/jpeg\r\n\r\n";
    private static final String MULTIPART_END = "\r\n--BOUNDARY--\r\n";

    @TestHTTPResource("/")
    URL base;

    private Answer send(String path, String contentType, String prefix, long fill, String suffix, boolean chunked) {
        return StreamingHttp.send(base.getPort(), new StreamingHttp.Request("POST", path,
                Map.of("Authorization", bearer(INGEST_KEY), "Content-Type", contentType),
                prefix.getBytes(StandardCharsets.UTF_8), fill, suffix.getBytes(StandardCharsets.UTF_8), chunked));
    }

    /** {@code declaredLimit}: the limit named when the length is declared; {@code chunkedLimit}: when streamed. */
    private static Arguments oversize(String name, String path, String contentType, String prefix, long fill,
            String suffix, long declaredLimit, long chunkedLimit, String field) {
        return Arguments.of(name, path, contentType, prefix, fill, suffix, declaredLimit, chunkedLimit, field);
    }

    static Stream<Arguments> oversized() {
        return Stream.of(
                oversize("JSON post over the server limit", "/api/v1/posts", JSON, POST_PREFIX, OVER_SERVER_LIMIT,
                        "\"}", SERVER_LIMIT, POST_LIMIT, "body"),
                oversize("JSON post over the post limit", "/api/v1/posts", JSON, POST_PREFIX, POST_LIMIT, "\"}",
                        POST_LIMIT, POST_LIMIT, "body"),
                oversize("NDJSON batch over the server limit", "/api/v1/posts/batch", NDJSON, "", OVER_SERVER_LIMIT,
                        "\n", SERVER_LIMIT, SERVER_LIMIT, "body"),
                oversize("image over the server limit", "/api/v1/media", "image/jpeg", "", OVER_SERVER_LIMIT, "",
                        SERVER_LIMIT, IMAGE_LIMIT, "body"),
                oversize("image over the image limit", "/api/v1/media", "image/jpeg", "", IMAGE_LIMIT + 1, "",
                        IMAGE_LIMIT, IMAGE_LIMIT, "body"),
                oversize("multipart post over the server limit", "/api/v1/posts", MULTIPART, MEDIA_PART_HEAD,
                        OVER_SERVER_LIMIT, MULTIPART_END, SERVER_LIMIT, SERVER_LIMIT, "body"),
                oversize("multipart image over the image limit", "/api/v1/posts", MULTIPART, MEDIA_PART_HEAD,
                        IMAGE_LIMIT + 1, MULTIPART_END, IMAGE_LIMIT, IMAGE_LIMIT, "media[0]"),
                oversize("multipart post part over the form field limit", "/api/v1/posts", MULTIPART, POST_PART_HEAD,
                        FORM_FIELD_LIMIT + 1, MULTIPART_END, FORM_FIELD_LIMIT, FORM_FIELD_LIMIT, "body"));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}, with Content-Length")
    @MethodSource("oversized")
    void declaredOversizedBodyIs413ProblemJson(String name, String path, String contentType, String prefix, long fill,
            String suffix, long declaredLimit, long chunkedLimit, String field) {
        Answer answer = send(path, contentType, prefix, fill, suffix, false);
        assertTooLarge(answer, path, declaredLimit, field, prefix.length() + fill + suffix.length());
        if (declaredLimit == SERVER_LIMIT) {
            assertTrue(answer.bytesSent() < SERVER_LIMIT, "refused on the declared length, before reading the body: "
                    + answer.bytesSent() + " bytes were taken");
        }
    }

    @Order(2)
    @ParameterizedTest(name = "{0}, chunked")
    @MethodSource("oversized")
    void chunkedOversizedBodyIs413ProblemJson(String name, String path, String contentType, String prefix, long fill,
            String suffix, long declaredLimit, long chunkedLimit, String field) {
        Answer answer = send(path, contentType, prefix, fill, suffix, true);
        assertTooLarge(answer, path, chunkedLimit, field, prefix.length() + fill + suffix.length());
        assertTrue(answer.bytesSent() < chunkedLimit + SERVER_LIMIT / 2, "stopped reading near the limit: "
                + answer.bytesSent() + " bytes were taken");
    }

    @Test
    @Order(3)
    void chunkedBatchOverTheLimitAcceptsNoneOfItsPosts() {
        String first = uniqueId();
        String second = uniqueId();
        String lines = minimal(first, "first of a batch too large").strip() + "\n"
                + minimal(second, "second of a batch too large").strip() + "\n";
        Answer answer = send("/api/v1/posts/batch", NDJSON, lines, OVER_SERVER_LIMIT, "\n", true);
        assertTooLarge(answer, "/api/v1/posts/batch", SERVER_LIMIT, "body", lines.length() + OVER_SERVER_LIMIT + 1);
        for (String externalId : new String[] {first, second}) {
            String id = PostIds.of("x", externalId);
            given().header("Authorization", bearer(INGEST_KEY)).when().get("/api/v1/posts/" + id)
                    .then().statusCode(404);
            assertTrue(TopicReader.first(id, Duration.ofSeconds(3)).isEmpty(), "no record for " + externalId);
        }
    }

    @Test
    @Order(4)
    void serviceIsReadyAndAcceptsAfterAllOfThem() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", bearer(INGEST_KEY)).contentType(JSON).body(minimal(uniqueId(), "after"))
                .when().post("/api/v1/posts").then().statusCode(202);
        Answer chunkedSmall = send("/api/v1/posts", JSON, minimal(uniqueId(), "chunked and small"), 0, "", true);
        assertEquals(202, chunkedSmall.status(), chunkedSmall.body());
    }

    @SuppressWarnings("unchecked")
    private static void assertTooLarge(Answer answer, String path, long limit, String field, long bodyLength) {
        assertEquals(413, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        if (answer.bytesSent() < bodyLength) {
            assertEquals("close", answer.header("Connection"), "the unread rest of the body is not waited for");
        }
        Map<String, Object> problem = ContractJson.read(answer.body().getBytes(StandardCharsets.UTF_8), Map.class);
        assertEquals("urn:claimline:problem:too-large", problem.get("type"));
        assertNotNull(problem.get("title"));
        assertEquals(413, problem.get("status"));
        assertTrue(((String) problem.get("detail")).contains(" " + limit + " bytes"), "names the limit: " + problem);
        assertEquals(field, problem.get("field"));
        assertEquals(path, problem.get("instance"));
    }
}
