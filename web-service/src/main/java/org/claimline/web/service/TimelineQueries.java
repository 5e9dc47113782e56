package org.claimline.web.service;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimline.web.config.WebConfig;
import org.claimline.web.domain.ActivityHistogram;
import org.claimline.web.domain.EventNotFoundException;
import org.claimline.web.domain.InvalidParameterException;
import org.claimline.web.domain.Keyset;
import org.claimline.web.domain.PageCache;
import org.claimline.web.repository.ActivityRepository;
import org.claimline.web.repository.EventEntity;
import org.claimline.web.repository.EventRepository;
import org.claimline.web.repository.PostJson;
import org.claimline.web.repository.PostRepository;
import org.claimline.web.repository.StorylineEntity;
import org.claimline.web.repository.StorylineRepository;

/** The read side of the JSON API: events with storylines, signals and activity, and cursor-paged timelines. */
@ApplicationScoped
public class TimelineQueries {

    private static final List<String> STATUSES = List.of("live", "quiet", "closed", "merged");
    private static final String EVENT_SCOPE = "";
    private static final int MAX_SEARCH_LENGTH = 200;

    private final EventRepository events;
    private final StorylineRepository storylines;
    private final PostRepository posts;
    private final ActivityRepository activity;
    private final ActivityHistogram histogram;
    private final WebConfig config;
    private final PageCache pages;

    public TimelineQueries(EventRepository events, StorylineRepository storylines, PostRepository posts,
            ActivityRepository activity, WebConfig config, PageCache pages) {
        this.pages = pages;
        this.events = events;
        this.storylines = storylines;
        this.posts = posts;
        this.activity = activity;
        this.config = config;
        this.histogram = new ActivityHistogram(config.activity().maxBars(), config.activity().peakWindow(),
                config.activity().peakSigma(), config.activity().peakMinPosts());
    }

    /** A storyline with its signal counts and (on the event page) its activity on the event's frame. */
    public record StorylineDetail(StorylineEntity storyline, Map<String, Integer> signals,
            ActivityHistogram.Chart activity) {
    }

    /** An event with its storylines, signal counts and activity chart. */
    public record EventDetail(EventEntity event, List<StorylineDetail> storylines, Map<String, Integer> signals,
            ActivityHistogram.Chart activity) {
    }

    /** One page and the cursor of the next (null on the last page). */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    public Page<EventDetail> events(String status, String cursor, Integer limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidParameterException("status", "status must be one of " + STATUSES);
        }
        int size = limit(limit);
        Keyset after = cursor == null || cursor.isBlank() ? null : Keyset.decode(cursor);
        List<EventEntity> rows = events.page(status, after == null ? null : after.at(),
                after == null ? null : after.id(), size + 1);
        boolean more = rows.size() > size;
        List<EventEntity> page = more ? rows.subList(0, size) : rows;
        String next = more ? new Keyset(page.get(page.size() - 1).lastActivityAt, page.get(page.size() - 1).id)
                .encode() : null;
        return new Page<>(details(page, false), next);
    }

    public EventDetail event(String id) {
        EventEntity event = events.findByIdOptional(id).orElseThrow(() -> new EventNotFoundException(id));
        return details(List.of(event), true).get(0);
    }

    /**
     * One page of an event's timeline as stored JSON, with the event's posts version; {@code posts} is null when
     * that version is one the client named (nothing changed).
     */
    public record PostPage(Long version, List<PostRepository.StoredPost> posts, String nextCursor) {
    }

    public PostPage posts(String eventId, PostRepository.Filter filter, String cursor, Integer limit,
            Set<Long> knownVersions) {
        if (filter.text() != null && filter.text().length() > MAX_SEARCH_LENGTH) {
            throw new InvalidParameterException("q", "search text is longer than " + MAX_SEARCH_LENGTH);
        }
        int size = limit(limit);
        Keyset after = cursor == null || cursor.isBlank() ? null : Keyset.decode(cursor);
        PostRepository.Timeline timeline = posts.timeline(eventId, filter, after == null ? null : after.at(),
                after == null ? null : after.id(), size + 1, knownVersions);
        if (timeline.posts() == null) {
            return new PostPage(timeline.version(), null, null);
        }
        List<PostRepository.StoredPost> rows = timeline.posts();
        if (rows.isEmpty() && !timeline.eventKnown()) {
            // a page with posts proves the event exists even before its summary arrived
            throw new EventNotFoundException(eventId);
        }
        boolean more = rows.size() > size;
        List<PostRepository.StoredPost> page = more ? rows.subList(0, size) : rows;
        String next = more ? new Keyset(page.get(page.size() - 1).sortAt(), page.get(page.size() - 1).id())
                .encode() : null;
        return new PostPage(timeline.version(), page, next);
    }

    /** A timeline page as sent: the body (null when the version named by the client is current) and its version. */
    public record RenderedPage(Long version, byte[] body) {
    }

    /**
     * A page of an event's timeline as the response body. A first page with no search, signal or language filter
     * comes from the page cache while its event's posts version is unchanged; it is read, rendered and offered to
     * the cache otherwise. Every other page is read from the database.
     */
    public RenderedPage postsPage(String eventId, PostRepository.Filter filter, String cursor, Integer limit,
            Set<Long> knownVersions) {
        boolean firstPage = (cursor == null || cursor.isBlank()) && filter.text() == null
                && filter.signal() == null && filter.lang() == null;
        if (!firstPage || !config.pageCache().enabled()) {
            return render(eventId, posts(eventId, filter, cursor, limit, knownVersions));
        }
        PageCache.Shape shape = new PageCache.Shape(filter.storylineId(), limit(limit));
        RenderedPage remembered = fromMemory(eventId, shape, knownVersions, true);
        if (remembered != null) {
            return remembered;
        }
        long readStarted = pages.readStarted();
        RenderedPage page = render(eventId, posts(eventId, filter, null, shape.limit(), knownVersions));
        if (page.body() != null && page.version() != null) {
            pages.offer(eventId, shape, page.version(), page.body(), readStarted);
        }
        return page;
    }

    /**
     * The default first page of an event when memory can answer it (the page, or a 304 for a version the client
     * named), else null: then {@link #postsPage} reads it. Never touches the database, so it may run on an event loop.
     */
    public RenderedPage cachedFirstPage(String eventId, Set<Long> knownVersions) {
        if (!config.pageCache().enabled()) {
            return null;
        }
        return fromMemory(eventId, new PageCache.Shape(null, config.page().defaultLimit()), knownVersions, false);
    }

    /**
     * What memory alone can answer: 304 for a version the client named that is current, or the cached page; null
     * otherwise (counted as a cache miss when {@code countMiss}, i.e. when the database is read next).
     */
    private RenderedPage fromMemory(String eventId, PageCache.Shape shape, Set<Long> knownVersions,
            boolean countMiss) {
        if (!knownVersions.isEmpty()) {
            Long current = pages.knownVersion(eventId);
            if (current != null && knownVersions.contains(current)) {
                return new RenderedPage(current, null);
            }
        }
        PageCache.Page cached = countMiss ? pages.get(eventId, shape) : pages.find(eventId, shape);
        return cached == null ? null : new RenderedPage(cached.version(), cached.body());
    }

    private static RenderedPage render(String eventId, PostPage page) {
        if (page.posts() == null) {
            return new RenderedPage(page.version(), null);
        }
        String quotedEvent = quote(eventId);
        StringBuilder out = new StringBuilder(page.posts().stream().mapToInt(p -> p.json().length() + 32).sum()
                + 64);
        out.append("{\"items\":[");
        for (int i = 0; i < page.posts().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            PostJson.appendWithEvent(out, quotedEvent, page.posts().get(i).json());
        }
        out.append("],\"nextCursor\":").append(page.nextCursor() == null ? "null" : quote(page.nextCursor()))
                .append('}');
        return new RenderedPage(page.version(), out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }

    private List<EventDetail> details(List<EventEntity> page, boolean withStorylineActivity) {
        List<String> ids = page.stream().map(e -> e.id).toList();
        Map<String, List<StorylineEntity>> byEvent = storylines.ofEvents(ids).stream()
                .collect(Collectors.groupingBy(s -> s.eventId, LinkedHashMap::new, Collectors.toList()));
        Map<String, Map<String, Map<String, Integer>>> signals = new HashMap<>();
        for (ActivityRepository.SignalRow row : activity.signals(ids)) {
            signals.computeIfAbsent(row.eventId(), e -> new HashMap<>())
                    .computeIfAbsent(row.storylineId(), s -> new LinkedHashMap<>()).put(row.type(), row.posts());
        }
        Map<String, Map<String, List<ActivityHistogram.Count>>> counts = new HashMap<>();
        for (ActivityRepository.ActivityRow row : activity.activity(ids, !withStorylineActivity)) {
            counts.computeIfAbsent(row.eventId(), e -> new HashMap<>())
                    .computeIfAbsent(row.storylineId(), s -> new ArrayList<>())
                    .add(new ActivityHistogram.Count(row.bucket(), row.posts()));
        }
        List<EventDetail> details = new ArrayList<>();
        for (EventEntity event : page) {
            Map<String, Map<String, Integer>> eventSignals = signals.getOrDefault(event.id, Map.of());
            Map<String, List<ActivityHistogram.Count>> eventCounts = counts.getOrDefault(event.id, Map.of());
            List<ActivityHistogram.Count> all = eventCounts.getOrDefault(EVENT_SCOPE, List.of());
            ActivityHistogram.Frame frame = all.isEmpty() ? null : histogram.frame(
                    all.stream().map(ActivityHistogram.Count::at).min(Instant::compareTo).orElseThrow(),
                    all.stream().map(ActivityHistogram.Count::at).max(Instant::compareTo).orElseThrow());
            ActivityHistogram.Chart chart = frame == null ? ActivityHistogram.Chart.empty()
                    : histogram.chart(frame, all);
            List<StorylineDetail> lanes = byEvent.getOrDefault(event.id, List.of()).stream()
                    .map(s -> new StorylineDetail(s, eventSignals.getOrDefault(s.id, Map.of()),
                            !withStorylineActivity ? null : frame == null ? ActivityHistogram.Chart.empty()
                                    : histogram.chart(frame, eventCounts.getOrDefault(s.id, List.of()))))
                    .toList();
            details.add(new EventDetail(event, lanes, eventSignals.getOrDefault(EVENT_SCOPE, Map.of()), chart));
        }
        return details;
    }

    private int limit(Integer limit) {
        if (limit == null) {
            return config.page().defaultLimit();
        }
        if (limit < 1 || limit > config.page().maxLimit()) {
            throw new InvalidParameterException("limit", "limit must be between 1 and " + config.page().maxLimit());
        }
        return limit;
    }
}
