package org.claimline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.claimline.ingest.TestPosts.INGEST_KEY;
import static org.claimline.ingest.TestPosts.bearer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.stream.Stream;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken posts: each gets a problem+json with the right status, type and field, never a 2xx or 5xx, and
 * the service is still ready after all of them.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadRequestTest {

    private static final String JSON = "application/json";
    private static final String VALID_SHA = "a".repeat(64);

    /** A valid post with one member replaced ({@code null} value: removed); values are raw JSON. */
    private static String with(String member, String rawValue) {
        StringBuilder b = new StringBuilder("{");
        String[][] members = {
            {"platform", "\"x\""}, {"externalId", "\"bad-1\""}, {"url", "\"https://x.com/a/status/1\""},
            {"author", "{\"handle\": \"@a\", \"displayName\": \"A\"}"}, {"text", "\"a claim\""}, {"lang", "\"en\""},
            {"postedAt", "\"2016-12-13T09:12:00Z\""}, {"place", "{\"name\": \"Aleppo\", \"lat\": 36.2, \"lon\": 37.1}"},
        };
        boolean replaced = false;
        for (String[] m : members) {
            String value = m[0].equals(member) ? rawValue : m[1];
            replaced |= m[0].equals(member);
            if (value != null) {
                b.append(b.length() > 1 ? ", " : "").append('"').append(m[0]).append("\": ").append(value);
            }
        }
        if (!replaced && rawValue != null) {
            b.append(", \"").append(member).append("\": ").append(rawValue);
        }
        return b.append('}').toString();
    }

    private static Arguments malformed(String name, String body) {
        return Arguments.of(name, JSON, body, 400, "malformed-request", null);
    }

    private static Arguments invalid(String name, String body, String field) {
        return Arguments.of(name, JSON, body, 422, "invalid-value", field);
    }

    static Stream<Arguments> badPosts() {
        return Stream.of(
                malformed("truncated JSON", "{\"platform\": \"x\", "),
                malformed("empty body", ""),
                malformed("a JSON array, not an object", "[]"),
                malformed("a JSON string, not an object", "\"post\""),
                malformed("two documents", with("text", "\"a\"") + "{}"),
                malformed("duplicate member", "{\"platform\": \"x\", \"platform\": \"y\"}"),
                malformed("nesting bomb", "{\"tags\": " + "[".repeat(5000) + "]".repeat(5000) + "}"),
                malformed("NaN literal", with("place", "{\"lat\": NaN, \"lon\": 1}")),
                malformed("raw control character inside a string", with("text", "\"line\nbreak\"")),
                invalid("missing platform", with("platform", null), "platform"),
                invalid("missing externalId", with("externalId", null), "externalId"),
                invalid("missing postedAt", with("postedAt", null), "postedAt"),
                invalid("no text and no media", with("text", null), "text"),
                invalid("blank text and no media", with("text", "\"   \""), "text"),
                invalid("platform is a number", with("platform", "7"), "platform"),
                invalid("platform with spaces", with("platform", "\"x y\""), "platform"),
                invalid("externalId is an object", with("externalId", "{}"), "externalId"),
                invalid("text is an array", with("text", "[\"a\"]"), "text"),
                invalid("text too long", with("text", "\"" + "a".repeat(20_001) + "\""), "text"),
                invalid("U+0000 in text", with("text", "\"a\\u0000b\""), "text"),
                invalid("lone high surrogate in text", with("text", "\"a\\ud800b\""), "text"),
                invalid("lone low surrogate in handle", with("author", "{\"handle\": \"\\udc00\"}"), "author.handle"),
                invalid("author is a string", with("author", "\"@a\""), "author"),
                invalid("handle is a number", with("author", "{\"handle\": 5}"), "author.handle"),
                invalid("display name too long", with("author", "{\"displayName\": \"" + "n".repeat(201) + "\"}"),
                        "author.displayName"),
                invalid("postedAt is not a time", with("postedAt", "\"yesterday\""), "postedAt"),
                invalid("postedAt without offset", with("postedAt", "\"2016-12-13T09:12:00\""), "postedAt"),
                invalid("postedAt is a number", with("postedAt", "1481620320"), "postedAt"),
                invalid("postedAt far in the future", with("postedAt", "\"2999-01-01T00:00:00Z\""), "postedAt"),
                invalid("postedAt before 2000", with("postedAt", "\"1999-12-31T23:59:59Z\""), "postedAt"),
                invalid("latitude above 90", with("place", "{\"lat\": 90.5, \"lon\": 1}"), "place.lat"),
                invalid("longitude below -180", with("place", "{\"lat\": 1, \"lon\": -180.5}"), "place.lon"),
                invalid("latitude as a string", with("place", "{\"lat\": \"36.2\", \"lon\": 1}"), "place.lat"),
                invalid("latitude overflowing to infinity", with("place", "{\"lat\": 1e400, \"lon\": 1}"),
                        "place.lat"),
                invalid("latitude without longitude", with("place", "{\"lat\": 36.2}"), "place.lon"),
                invalid("negative radius", with("place", "{\"lat\": 1, \"lon\": 1, \"radiusKm\": -1}"),
                        "place.radiusKm"),
                invalid("absurd radius", with("place", "{\"lat\": 1, \"lon\": 1, \"radiusKm\": 40000}"),
                        "place.radiusKm"),
                invalid("place is an array", with("place", "[36.2, 37.1]"), "place"),
                invalid("javascript URL", with("url", "\"javascript:alert(1)\""), "url"),
                invalid("ftp URL", with("url", "\"ftp://example.org/a\""), "url"),
                invalid("relative URL", with("url", "\"/status/1\""), "url"),
                invalid("lang is not a tag", with("lang", "\"english!\""), "lang"),
                invalid("tags is a string", with("tags", "\"aleppo\""), "tags"),
                invalid("a tag is a number", with("tags", "[1]"), "tags[0]"),
                invalid("too many tags", with("tags", "[" + "\"t\",".repeat(30) + "\"t\"]"), "tags"),
                invalid("media is an object", with("media", "{}"), "media"),
                invalid("media item is a string", with("media", "[\"" + VALID_SHA + "\"]"), "media[0]"),
                invalid("media sha256 is not hex", with("media", "[{\"sha256\": \"zz\"}]"), "media[0].sha256"),
                invalid("too many media", with("media", "[" + ("{\"sha256\": \"" + VALID_SHA + "\"},").repeat(10)
                        + "{\"sha256\": \"" + VALID_SHA + "\"}]"), "media"),
                invalid("unknown media reference", with("media", "[{\"sha256\": \"" + VALID_SHA + "\"}]"),
                        "media[0].sha256"),
                Arguments.of("text/plain body", "text/plain", with("text", "\"a\""), 415, "unsupported-media-type",
                        "Content-Type"),
                Arguments.of("XML body", "application/xml", "<post/>", 415, "unsupported-media-type", "Content-Type"),
                Arguments.of("oversized body", JSON, with("text", "\"" + "a".repeat(300_000) + "\""), 413,
                        "too-large", "body"));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("badPosts")
    void badPostIsRefusedWithAProblemNamingTheField(String name, String contentType, String body, int status,
            String slug, String field) {
        ValidatableResponse response = given().header("Authorization", bearer(INGEST_KEY))
                .contentType(contentType).body(body)
                .when().post("/api/v1/posts")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:claimline:problem:" + slug))
                .body("status", equalTo(status));
        response.body("field", field == null ? nullValue() : equalTo(field));
    }

    @Test
    @Order(2)
    void idempotencyKeyThatIsNotPrintableAsciiIs422() {
        given().header("Authorization", bearer(INGEST_KEY)).header("Idempotency-Key", "has space")
                .contentType(JSON).body(with("text", "\"a\"")).when().post("/api/v1/posts")
                .then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("Idempotency-Key"));
    }

    @Test
    @Order(3)
    void serviceIsStillReadyAfterAllOfThem() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", bearer(INGEST_KEY)).contentType(JSON)
                .body(with("externalId", "\"after-bad-" + System.nanoTime() + "\""))
                .when().post("/api/v1/posts").then().statusCode(202);
    }
}
