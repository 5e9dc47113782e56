package org.claimline.web.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.claimline.web.config.WebConfig;
import org.claimline.web.domain.InvalidParameterException;

/**
 * Fetches images from ingest-service by their SHA-256, so that the browser loads media from web-service's own origin
 * (one origin, a strict Content-Security-Policy) and never from wherever a post pointed.
 */
@ApplicationScoped
public class MediaProxy {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern IMAGE_TYPE = Pattern.compile("image/(jpeg|png|gif|webp)");

    private final HttpClient client;
    private final WebConfig config;

    public MediaProxy(WebConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.ingest().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What ingest answered: its status and, for an image, the bytes and the image type. */
    public record Media(int status, String contentType, byte[] bytes) {

        public boolean isImage() {
            return status == 200 && contentType != null && IMAGE_TYPE.matcher(contentType).matches();
        }
    }

    public CompletionStage<Media> fetch(String sha256, boolean thumbnail) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new InvalidParameterException("sha256", "not a lower-case hex SHA-256");
        }
        URI uri = URI.create(config.ingest().url() + "/api/v1/media/" + sha256 + (thumbnail ? "/thumbnail" : ""));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.ingest().timeout()).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new Media(response.statusCode(),
                        response.headers().firstValue("Content-Type").map(MediaProxy::baseType).orElse(null),
                        response.body()));
    }

    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
    }
}
