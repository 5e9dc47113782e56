package org.claimline.web.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads the feed after a given id, for clients that reconnect with Last-Event-ID. */
@ApplicationScoped
public class FeedRepository implements PanacheRepositoryBase<FeedEntry, Long> {

    /** The newest feed id stored, 0 for an empty feed. */
    public long maxId() {
        Long max = getEntityManager().createQuery("select max(f.id) from FeedEntry f", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    public List<FeedEntry> after(long afterId, String eventId, int limit) {
        if (eventId == null) {
            return find("id > ?1 order by id", afterId).page(0, limit).list();
        }
        return find("id > ?1 and (eventId = ?2 or otherEventId = ?2) order by id", afterId, eventId)
                .page(0, limit).list();
    }
}
