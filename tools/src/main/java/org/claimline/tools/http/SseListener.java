package org.claimline.tools.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Follows a web-service Server-Sent Events stream on a daemon thread, reconnecting with Last-Event-ID after a
 * drop, and hands each message's id and data to a callback.
 */
public final class SseListener implements AutoCloseable {

    private static final Duration RECONNECT_DELAY = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI stream;
    private final String viewerKey;
    private final BiConsumer<String, String> onMessage;
    private final Thread thread;
    private volatile boolean open = true;
    private volatile boolean connected;
    private volatile String lastEventId;
    private volatile InputStream body;

    public SseListener(URI stream, BiConsumer<String, String> onMessage) {
        this(stream, null, onMessage);
    }

    /** {@code viewerKey} may be {@code null}: no Authorization header is sent then (web is open to read). */
    public SseListener(URI stream, String viewerKey, BiConsumer<String, String> onMessage) {
        this.stream = stream;
        this.viewerKey = viewerKey;
        this.onMessage = onMessage;
        this.thread = new Thread(this::run, "sse-listener");
        this.thread.setDaemon(true);
    }

    public SseListener start() {
        thread.start();
        return this;
    }

    public boolean connected() {
        return connected;
    }

    private void run() {
        while (open) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream");
                if (lastEventId != null) {
                    request.header("Last-Event-ID", lastEventId);
                }
                if (viewerKey != null && !viewerKey.isBlank()) {
                    request.header("Authorization", "Bearer " + viewerKey.trim());
                }
                HttpResponse<InputStream> response = http.send(request.GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                if (response.statusCode() == 200) {
                    connected = true;
                    read(response.body());
                }
            } catch (IOException e) {
                // The stream dropped or web-service is restarting: reconnect below and resume from lastEventId.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            connected = false;
            sleep();
        }
    }

    private void read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String id = null;
        String line;
        while (open && (line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    if (id != null) {
                        lastEventId = id;
                    }
                    onMessage.accept(id, data.toString());
                }
                data.setLength(0);
                id = null;
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(stripSpace(line.substring(5)));
            } else if (line.startsWith("id:")) {
                id = stripSpace(line.substring(3));
            }
        }
    }

    private static String stripSpace(String value) {
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private void sleep() {
        try {
            Thread.sleep(RECONNECT_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }

    @Override
    public void close() {
        open = false;
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // Closing a dropped stream: nothing left to release.
            }
        }
        thread.interrupt();
    }
}
