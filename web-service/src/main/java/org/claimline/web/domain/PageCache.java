package org.claimline.web.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rendered first pages of event timelines, as the bytes sent, keyed by event and query shape and valid for one
 * posts version of their event, so that the page every viewer opens costs no database query and no rendering while
 * its event does not change.
 *
 * <p>Why a page served from here is never older than what the database would give: this instance is the only writer
 * of its read model (docs/architecture.md, scale-out), and its writer calls {@link #beforeCommit} with the events
 * whose pages a transaction changes before committing it, and {@link #afterCommit} once the commit returned. Before
 * the commit their known versions are forgotten, so a read during the commit goes to the database; after it they
 * are the version the transaction wrote. A page is stored only when its version is the event's known one, and a
 * version is learnt from a database read only if no commit began or ended while that read ran (the {@code epoch}).
 * So a read that starts after a commit sees that commit's version or the database.
 */
public final class PageCache {

    /** Which page of an event: the storyline it is narrowed to (null: none) and the page size. */
    public record Shape(String storylineId, int limit) {
    }

    /** A cached page: the event's posts version it was read at, and the response body. */
    public record Page(long version, byte[] body) {
    }

    /** What a stored page costs beside its bytes (key, entry, map node), so that many small pages stay bounded. */
    private static final int ENTRY_OVERHEAD_BYTES = 256;

    private record Key(String eventId, Shape shape) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final Map<Key, Page> pages;
    /** The posts version of events as this instance last committed or read it; access order, bounded. */
    private final Map<String, Long> known;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private long bytes;
    /** Commits begun and not yet ended. */
    private int committing;
    /** Moves at every commit's start and end: a read that saw it unchanged overlapped no commit. */
    private long epoch;

    public PageCache(int maxEntries, long maxBytes) {
        if (maxEntries < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("page cache bounds must not be negative");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.pages = new LinkedHashMap<>(16, 0.75f, true);
        this.known = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                // forgetting a version is always safe: it is learnt again from the database
                return size() > Math.max(1, maxEntries);
            }
        };
    }

    /** The current page of that shape, or null when it must be read from the database (counted as a miss). */
    public synchronized Page get(String eventId, Shape shape) {
        Page page = find(eventId, shape);
        if (page == null) {
            misses.increment();
        }
        return page;
    }

    /** Like {@link #get}, but a page not here is not counted as a miss (the caller falls back to a path that is). */
    public synchronized Page find(String eventId, Shape shape) {
        Long version = known.get(eventId);
        Page page = version == null ? null : pages.get(new Key(eventId, shape));
        if (page != null && page.version() == version) {
            hits.increment();
            return page;
        }
        return null;
    }

    /** The event's current posts version if this instance knows it without asking the database, else null. */
    public synchronized Long knownVersion(String eventId) {
        return known.get(eventId);
    }

    /** Taken before a database read whose page is then {@link #offer}ed; negative while a commit is under way. */
    public synchronized long readStarted() {
        return committing > 0 ? -1 : epoch;
    }

    /**
     * A page just read from the database at {@code version}, with {@code readStarted} taken before that read. It is
     * kept only if it is current: its version is the one known, or no commit overlapped the read (then its version
     * becomes the known one).
     */
    public synchronized void offer(String eventId, Shape shape, long version, byte[] body, long readStarted) {
        Long current = known.get(eventId);
        if (current == null) {
            if (readStarted < 0 || readStarted != epoch || committing > 0) {
                return;
            }
            known.put(eventId, version);
        } else if (current != version) {
            return;
        }
        long size = body.length + (long) ENTRY_OVERHEAD_BYTES;
        if (maxEntries == 0 || size > maxBytes) {
            return;
        }
        Page old = pages.put(new Key(eventId, shape), new Page(version, body));
        if (old != null) {
            bytes -= old.body().length + (long) ENTRY_OVERHEAD_BYTES;
        }
        bytes += size;
        Iterator<Map.Entry<Key, Page>> eldest = pages.entrySet().iterator();
        while ((pages.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            Page evicted = eldest.next().getValue();
            eldest.remove();
            bytes -= evicted.body().length + (long) ENTRY_OVERHEAD_BYTES;
            evictions.increment();
        }
    }

    /**
     * Called right before a transaction that changes these events' pages commits: their versions are forgotten and
     * their pages dropped until {@link #afterCommit}, so that nothing here can be served across the commit.
     * Returns the events among them whose version was known (to be known again after the commit).
     */
    public synchronized Collection<String> beforeCommit(Collection<String> eventIds) {
        committing++;
        epoch++;
        List<String> wereKnown = new ArrayList<>();
        for (String eventId : eventIds) {
            if (known.remove(eventId) != null) {
                wereKnown.add(eventId);
            }
        }
        if (!eventIds.isEmpty()) {
            Set<String> changed = new HashSet<>(eventIds);
            Iterator<Map.Entry<Key, Page>> all = pages.entrySet().iterator();
            while (all.hasNext()) {
                Map.Entry<Key, Page> entry = all.next();
                if (changed.contains(entry.getKey().eventId())) {
                    bytes -= entry.getValue().body().length + (long) ENTRY_OVERHEAD_BYTES;
                    all.remove();
                }
            }
        }
        return wereKnown;
    }

    /**
     * Called once the commit announced by {@link #beforeCommit} returned (or failed: {@code committed} false, then
     * the versions stay unknown and are learnt from the database). {@code eventIds} are the events to know again,
     * at {@code version}, the version the transaction wrote.
     */
    public synchronized void afterCommit(Collection<String> eventIds, long version, boolean committed) {
        committing--;
        epoch++;
        if (committed) {
            for (String eventId : eventIds) {
                known.put(eventId, version);
            }
        }
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long evictions() {
        return evictions.sum();
    }

    public synchronized int entries() {
        return pages.size();
    }

    public synchronized long bytes() {
        return bytes;
    }
}
