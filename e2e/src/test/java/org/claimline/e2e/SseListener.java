package org.claimline.e2e;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A browser-like client of a server-sent event stream: connects, then records every {@code data:} message with the
 * moment it arrived, on a background thread, until closed.
 */
final class SseListener implements AutoCloseable {

    /** One message and when it arrived ({@link System#nanoTime()}). */
    record Message(String id, String data, long arrivedNanos) {
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final List<Message> messages = new ArrayList<>();
    private final InputStream body;
    private final Thread reader;
    private final int status;
    private final String contentType;

    private SseListener(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.body = response.body();
        this.reader = new Thread(this::read, "sse-listener");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static SseListener open(String url) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build();
        try {
            return new SseListener(client.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the stream " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    /** The first message whose data contains the text, if it has arrived. */
    synchronized Optional<Message> find(String text) {
        return messages.stream().filter(m -> m.data().contains(text)).findFirst();
    }

    synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        synchronized (this) {
                            messages.add(new Message(id, data.toString(), System.nanoTime()));
                        }
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException e) {
            // closed by us or by the server
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // already closed
        }
        reader.interrupt();
    }
}
