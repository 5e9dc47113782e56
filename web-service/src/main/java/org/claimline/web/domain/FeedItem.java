package org.claimline.web.domain;

/**
 * One committed row of the feed as sent on SSE: {@code id} is the SSE id, {@code data} the JSON written once and
 * shared by every client; {@code otherEventId} is the absorbed event of a merge, so its watchers hear of it too.
 */
public record FeedItem(long id, String eventId, String otherEventId, String kind, String data) {

    public boolean concerns(String watchedEventId) {
        return watchedEventId.equals(eventId) || watchedEventId.equals(otherEventId);
    }

    /** The SSE frame of this item. */
    public String frame() {
        return "id: " + id + "\ndata: " + data + "\n\n";
    }
}
