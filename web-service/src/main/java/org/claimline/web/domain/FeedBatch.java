package org.claimline.web.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feed rows of one committed batch, with their SSE frames encoded once per audience (everything, or one event)
 * on first use and shared by every stream of that audience: a thousand clients cost one encoding, not a thousand.
 */
public final class FeedBatch {

    /** Encoded frames and the id of the last row in them (0 when there is none). */
    public record Frames(byte[] bytes, long lastId) {
    }

    private static final String ALL = "";

    private final List<FeedItem> items;
    private final Map<String, Frames> frames = new ConcurrentHashMap<>();

    public FeedBatch(List<FeedItem> items) {
        this.items = List.copyOf(items);
    }

    public List<FeedItem> items() {
        return items;
    }

    public long firstId() {
        return items.get(0).id();
    }

    /** Frames of every row ({@code eventId} null) or of the rows that concern one event. */
    public Frames frames(String eventId) {
        return frames.computeIfAbsent(eventId == null ? ALL : eventId, key -> {
            StringBuilder text = new StringBuilder();
            long last = 0;
            for (FeedItem item : items) {
                if (eventId == null || item.concerns(eventId)) {
                    text.append(item.frame());
                    last = item.id();
                }
            }
            return new Frames(text.toString().getBytes(StandardCharsets.UTF_8), last);
        });
    }
}
