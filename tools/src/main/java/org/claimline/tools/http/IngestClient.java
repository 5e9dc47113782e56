package org.claimline.tools.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.claimline.contracts.ContractJson;

/** A client of ingest-service's public API: posts and media, with the bearer key. */
public final class IngestClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final String key;

    public IngestClient(URI base, String key) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
        this.key = key;
    }

    /** Sends one post; the future completes with the response whatever its status. */
    public CompletableFuture<Response> sendPost(byte[] json) {
        return sendAsync(post("/api/v1/posts", "application/json", json));
    }

    /** Sends many posts as one NDJSON batch; the answer carries one result line per post. */
    public CompletableFuture<Response> sendBatch(byte[] ndjson) {
        return sendAsync(post("/api/v1/posts/batch", "application/x-ndjson", ndjson));
    }

    /** Sends one post with its image in one {@code multipart/form-data} request (parts {@code post}, {@code media}). */
    public CompletableFuture<Response> sendMultipart(byte[] json, byte[] image, String imageType) {
        String boundary = "claimline-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream(json.length + image.length + 512);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"post\"\r\n"
                + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] middle = ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; "
                + "filename=\"photo\"\r\nContent-Type: " + imageType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(json);
        body.writeBytes(middle);
        body.writeBytes(image);
        body.writeBytes(tail);
        return sendAsync(post("/api/v1/posts", "multipart/form-data; boundary=" + boundary, body.toByteArray()));
    }

    /** Uploads one image; returns its sha256 as ingest computed it. */
    public Response uploadMedia(byte[] image, String contentType) throws IOException, InterruptedException {
        return Response.of(http.send(post("/api/v1/media", contentType, image), HttpResponse.BodyHandlers.ofString()));
    }

    /** An authorised POST of {@code body} to {@code path} of ingest. */
    private HttpRequest post(String path, String contentType, byte[] body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private CompletableFuture<Response> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(Response::of);
    }

    /** Status, body and the Retry-After delay, if any, of one answer. */
    public record Response(int status, String body, Optional<Duration> retryAfter) {

        static Response of(HttpResponse<String> response) {
            Optional<Duration> retry = response.headers().firstValue("Retry-After").flatMap(Response::seconds);
            return new Response(response.statusCode(), response.body(), retry);
        }

        public boolean accepted() {
            return status >= 200 && status < 300;
        }

        /** 429 and 503 mean "not now": the same request may succeed later. */
        public boolean retryable() {
            return retryable(status);
        }

        /** Whether an answer (or a batch line's result) with this status may succeed when sent again later. */
        public static boolean retryable(int status) {
            return status == 429 || status == 503;
        }

        public JsonNode json() {
            try {
                return ContractJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        /** The problem detail of a refusal, short enough for one line. */
        public String problem() {
            try {
                JsonNode node = json();
                String field = node.path("field").asText("");
                return status + " " + node.path("detail").asText(node.path("title").asText(""))
                        + (field.isEmpty() ? "" : " (field " + field + ")");
            } catch (IllegalStateException e) {
                return status + " " + body;
            }
        }

        private static Optional<Duration> seconds(String value) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
