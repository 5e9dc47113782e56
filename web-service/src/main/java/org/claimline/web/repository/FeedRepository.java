package org.claimline.web.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads the feed after a given id, for clients that reconnect with Last-Event-ID, and removes what it no longer keeps. */
@ApplicationScoped
public class FeedRepository implements PanacheRepositoryBase<FeedEntry, Long> {

    /** The newest feed id stored, 0 for an empty feed. */
    public long maxId() {
        Long max = getEntityManager().createQuery("select max(f.id) from FeedEntry f", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** The oldest feed id still stored, 0 for an empty feed: a stream resuming below it has missed changes. */
    public long oldestId() {
        Long min = getEntityManager().createQuery("select min(f.id) from FeedEntry f", Long.class).getSingleResult();
        return min == null ? 0 : min;
    }

    /**
     * Deletes, among the {@code chunk} ids from {@code fromId} up, the changes older than {@code before} or at or
     * below {@code keepAbove}, never the newest one ({@code newestId}). Ids rise with time, so what leaves is always
     * a prefix of the feed.
     */
    public int deleteOldest(long fromId, int chunk, long newestId, long keepAbove, Instant before) {
        return getEntityManager().createQuery("delete from FeedEntry f where f.id >= :from and f.id < :to"
                        + " and f.id < :newest and (f.id <= :keepAbove or f.createdAt < :before)")
                .setParameter("from", fromId)
                .setParameter("to", fromId + chunk)
                .setParameter("newest", newestId)
                .setParameter("keepAbove", keepAbove)
                .setParameter("before", before)
                .executeUpdate();
    }

    public List<FeedEntry> after(long afterId, String eventId, int limit) {
        if (eventId == null) {
            return find("id > ?1 order by id", afterId).page(0, limit).list();
        }
        return find("id > ?1 and (eventId = ?2 or otherEventId = ?2) order by id", afterId, eventId)
                .page(0, limit).list();
    }
}
