package org.claimline.web.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.claimline.web.domain.FeedItem;
import org.claimline.web.repository.FeedRepository;

/** Reads committed feed rows after an id, for a stream that resumes with Last-Event-ID. */
@ApplicationScoped
public class FeedReplay {

    private final FeedRepository feed;

    public FeedReplay(FeedRepository feed) {
        this.feed = feed;
    }

    @Transactional
    public List<FeedItem> after(long afterId, String eventId, int limit) {
        return feed.after(afterId, eventId, limit).stream()
                .map(e -> new FeedItem(e.id, e.eventId, e.otherEventId, e.kind, e.payload)).toList();
    }
}
