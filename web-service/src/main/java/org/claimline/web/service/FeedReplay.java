package org.claimline.web.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import org.claimline.web.domain.FeedItem;
import org.claimline.web.repository.FeedRepository;
import org.jboss.logging.Logger;

/** Reads committed feed rows after an id, for a stream that resumes with Last-Event-ID. */
@ApplicationScoped
public class FeedReplay {

    private static final Logger LOG = Logger.getLogger(FeedReplay.class);

    private final FeedRepository feed;
    private final FeedHub hub;

    public FeedReplay(FeedRepository feed, FeedHub hub) {
        this.feed = feed;
        this.hub = hub;
    }

    /** After a restart the hub starts where the stored feed ends, so new streams are told a real position. */
    @Transactional
    void onStart(@Observes StartupEvent start) {
        try {
            hub.advanceTo(feed.maxId());
        } catch (RuntimeException e) {
            // the database may be down at start; streams then start without a position until the first change
            LOG.warnf("feed position unknown at start: %s", e.getMessage());
        }
    }

    /** The oldest change the feed still holds (0 when empty): a stream resuming below it would miss changes. */
    @Transactional
    public long oldestId() {
        return feed.oldestId();
    }

    @Transactional
    public List<FeedItem> after(long afterId, String eventId, int limit) {
        return feed.after(afterId, eventId, limit).stream()
                .map(e -> new FeedItem(e.id, e.eventId, e.otherEventId, e.kind, e.payload)).toList();
    }
}
