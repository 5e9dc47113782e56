package org.claimline.tools.http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A reader of web-service's public API, as a viewer's browser would read it: the first page of an event's timeline,
 * with a viewer key only when one is given (reads are open by default).
 */
public final class WebClient {

    /** A read slower than this is a failure; a viewer would have given up long before. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final URI base;
    private final String viewerKey;

    /** {@code viewerKey} may be {@code null}: no Authorization header is sent then. */
    public WebClient(URI base, String viewerKey) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
        this.base = base;
        this.viewerKey = viewerKey == null || viewerKey.isBlank() ? null : viewerKey.trim();
    }

    /**
     * {@code GET /api/v1/events/{id}/posts} (newest first, the service's default page size); the future completes
     * with the status once the whole body has been read, or exceptionally when the request failed or timed out.
     */
    public CompletableFuture<Integer> timeline(String eventId) {
        String id = URLEncoder.encode(eventId, StandardCharsets.UTF_8).replace("+", "%20");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/events/" + id + "/posts"))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET();
        if (viewerKey != null) {
            request.header("Authorization", "Bearer " + viewerKey);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }
}
