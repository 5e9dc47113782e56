package org.claimline.web.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test helper: a minimal SSE reader that records every message (id and data) of one stream. */
public final class SseClient implements AutoCloseable {

    /** One received message; {@code event} is its SSE event name, null for a plain message. */
    public record Message(long id, String data, String event) {
    }

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    /** The id of the last id-only block (no data): what a browser's EventSource records as its last event id. */
    private volatile long announcedId = -1;
    private final Thread reader;
    private volatile HttpResponse<java.io.InputStream> response;
    private volatile boolean closed;

    private SseClient(URI uri, Long lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        HttpClient client = HttpClient.newHttpClient();
        reader = new Thread(() -> read(client, request.build()), "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient open(URI uri, Long lastEventId) {
        return new SseClient(uri, lastEventId);
    }

    public List<Message> messages() {
        return messages;
    }

    public long announcedId() {
        return announcedId;
    }

    public List<String> comments() {
        return comments;
    }

    public int status() {
        return response == null ? -1 : response.statusCode();
    }

    public String contentType() {
        return response == null ? null : response.headers().firstValue("Content-Type").orElse(null);
    }

    private void read(HttpClient client, HttpRequest request) {
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                Long id = null;
                String event = null;
                StringBuilder data = new StringBuilder();
                String line;
                while (!closed && (line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            messages.add(new Message(id == null ? -1 : id, data.toString(), event));
                        } else if (id != null) {
                            announcedId = id;
                        }
                        id = null;
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = Long.parseLong(line.substring(3).trim());
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.startsWith(":")) {
                        comments.add(line);
                    }
                }
            }
        } catch (Exception e) {
            if (!closed) {
                comments.add("! " + e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (response != null) {
            try {
                response.body().close();
            } catch (java.io.IOException e) {
                // closing a stream the server may already have closed
            }
        }
        reader.interrupt();
    }
}
