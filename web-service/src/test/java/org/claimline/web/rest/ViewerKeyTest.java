package org.claimline.web.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.web.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * With viewer keys configured every read needs one: a bearer key for API clients, or a cookie a browser gets by
 * opening a page once with {@code ?key=}; without one, a 401 problem naming the Authorization field. Health stays open.
 */
@QuarkusTest
@TestProfile(ViewerKeyTest.WithViewerKeys.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ViewerKeyTest {

    /** Two viewer keys, so that one can be rotated out while the other still works. */
    public static class WithViewerKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimline.auth.viewer-keys", "viewer-one,viewer-two");
        }
    }

    @TestHTTPResource("/api/v1/stream")
    URI stream;

    @TestHTTPResource("/")
    URI root;

    @Test
    void readsWithoutAValidKeyAre401ProblemsNamingTheField() {
        for (String path : new String[] {"/api/v1/events", "/api/v1/events/any/posts", "/", "/events/any",
                "/media/" + "a".repeat(64)}) {
            given().get(path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("field", equalTo("Authorization"))
                    .body("detail", containsString("viewer key is required"));
        }
        given().header("Authorization", "Bearer not-a-viewer-key").get("/api/v1/events").then().statusCode(401)
                .body("detail", equalTo("the viewer key is not valid"));
    }

    @Test
    void anApiClientReadsWithEitherBearerKey() {
        given().header("Authorization", "Bearer viewer-one").get("/api/v1/events").then().statusCode(200);
        given().header("Authorization", "Bearer viewer-two").get("/api/v1/events").then().statusCode(200);
    }

    @Test
    void aBrowserOpeningAPageWithTheKeyGetsACookieAndTheAddressWithoutIt() {
        Response redirect = given().redirects().follow(false).get("/events/ev-1?key=viewer-one&lang=ar");
        assertEquals(303, redirect.statusCode());
        assertEquals("/events/ev-1?lang=ar", redirect.header("Location"), "the key leaves the address");
        String setCookie = redirect.header("Set-Cookie");
        assertTrue(setCookie.startsWith(ViewerKeyFilter.COOKIE + "=viewer-one"), setCookie);
        // attribute names are case-insensitive (RFC 6265)
        String attributes = setCookie.toLowerCase(Locale.ROOT);
        assertTrue(attributes.contains("; httponly") && attributes.contains("; samesite=strict"), setCookie);

        given().cookie(ViewerKeyFilter.COOKIE, "viewer-one").get("/").then().statusCode(200)
                .contentType(containsString("text/html"));
        given().cookie(ViewerKeyFilter.COOKIE, "viewer-one").get("/api/v1/events").then().statusCode(200);
        given().redirects().follow(false).get("/?key=wrong").then().statusCode(401);
    }

    @Test
    void theStreamNeedsAKeyToo() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> refused = client.send(HttpRequest.newBuilder(stream).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        refused.body().close();
        assertEquals(401, refused.statusCode());
        HttpResponse<InputStream> open = client.send(HttpRequest.newBuilder(stream)
                .header("Cookie", ViewerKeyFilter.COOKIE + "=viewer-two").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, open.statusCode());
        assertTrue(open.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        open.body().close();
    }

    /** In Chromium: the board opened once with the key loads, drops the key from its address and goes live. */
    @Test
    void aBrowserOpenedWithTheKeyShowsTheLiveBoard() {
        ChromeDriver browser = Browser.start();
        try {
            browser.get(root + "?key=viewer-two");
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.id("status"),
                    "live"));
            assertEquals(root.toString(), browser.getCurrentUrl(), "the key is gone from the address bar");
        } finally {
            browser.quit();
        }
    }

    @Test
    void healthStaysOpenForOperators() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
