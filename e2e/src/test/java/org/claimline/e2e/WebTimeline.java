package org.claimline.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * web-service's timeline as a reader sees it through the public API: every event of the board, every page of each
 * event's posts. A post counted twice here is a post a newsroom sees twice.
 */
final class WebTimeline {

    static final int PAGE_LIMIT = 200;
    private static final int HTTP_TIMEOUT_MS = 15_000;
    static final RestAssuredConfig HTTP = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig()
            .setParam("http.connection.timeout", HTTP_TIMEOUT_MS)
            .setParam("http.socket.timeout", HTTP_TIMEOUT_MS));

    private final String webUrl;

    WebTimeline(String webUrl) {
        this.webUrl = webUrl;
    }

    /** How many times each post id appears across every event's timeline (all pages). */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        for (String eventId : eventIds()) {
            for (String postId : postIds(eventId)) {
                counts.merge(postId, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The event whose timeline lists each post. */
    Map<String, String> eventOfEachPost() {
        Map<String, String> eventOf = new HashMap<>();
        for (String eventId : eventIds()) {
            for (String postId : postIds(eventId)) {
                eventOf.put(postId, eventId);
            }
        }
        return eventOf;
    }

    /** The board: every event not merged into another, all pages. */
    List<String> eventIds() {
        return pages("/api/v1/events");
    }

    /** One event's timeline, newest first, all pages. */
    List<String> postIds(String eventId) {
        return pages("/api/v1/events/" + eventId + "/posts");
    }

    private List<String> pages(String path) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().config(HTTP).baseUri(webUrl).queryParam("limit", PAGE_LIMIT);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
