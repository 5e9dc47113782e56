package org.claimline.web.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.claimline.web.config.WebConfig;
import org.claimline.web.domain.EventNotFoundException;
import org.claimline.web.domain.InvalidParameterException;
import org.claimline.web.domain.Keyset;
import org.claimline.web.repository.EventEntity;
import org.claimline.web.repository.EventRepository;
import org.claimline.web.repository.PostEntity;
import org.claimline.web.repository.PostRepository;
import org.claimline.web.repository.StorylineEntity;
import org.claimline.web.repository.StorylineRepository;

/** The read side of the JSON API: events and their storylines, and cursor-paged timelines. */
@ApplicationScoped
public class TimelineQueries {

    private static final List<String> STATUSES = List.of("live", "quiet", "closed", "merged");

    private final EventRepository events;
    private final StorylineRepository storylines;
    private final PostRepository posts;
    private final WebConfig config;

    public TimelineQueries(EventRepository events, StorylineRepository storylines, PostRepository posts,
            WebConfig config) {
        this.events = events;
        this.storylines = storylines;
        this.posts = posts;
        this.config = config;
    }

    /** An event with its storylines. */
    public record EventWithStorylines(EventEntity event, List<StorylineEntity> storylines) {
    }

    /** One page and the cursor of the next (null on the last page). */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    public Page<EventWithStorylines> events(String status, String cursor, Integer limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidParameterException("status", "status must be one of " + STATUSES);
        }
        int size = limit(limit);
        Keyset after = cursor == null || cursor.isBlank() ? null : Keyset.decode(cursor);
        List<EventEntity> rows = events.page(status, after == null ? null : after.at(),
                after == null ? null : after.id(), size + 1);
        boolean more = rows.size() > size;
        List<EventEntity> page = more ? rows.subList(0, size) : rows;
        Map<String, List<StorylineEntity>> byEvent = storylines.ofEvents(
                page.stream().map(e -> e.id).toList()).stream()
                .collect(Collectors.groupingBy(s -> s.eventId, LinkedHashMap::new, Collectors.toList()));
        List<EventWithStorylines> items = page.stream()
                .map(e -> new EventWithStorylines(e, byEvent.getOrDefault(e.id, List.of()))).toList();
        String next = more ? new Keyset(page.get(page.size() - 1).lastActivityAt, page.get(page.size() - 1).id)
                .encode() : null;
        return new Page<>(items, next);
    }

    public EventWithStorylines event(String id) {
        EventEntity event = events.findByIdOptional(id).orElseThrow(() -> new EventNotFoundException(id));
        return new EventWithStorylines(event, storylines.ofEvents(List.of(id)));
    }

    public Page<PostEntity> posts(String eventId, String storylineId, String cursor, Integer limit) {
        if (events.findByIdOptional(eventId).isEmpty()) {
            throw new EventNotFoundException(eventId);
        }
        int size = limit(limit);
        Keyset after = cursor == null || cursor.isBlank() ? null : Keyset.decode(cursor);
        List<PostEntity> rows = posts.timeline(eventId, blankToNull(storylineId), after == null ? null : after.at(),
                after == null ? null : after.id(), size + 1);
        boolean more = rows.size() > size;
        List<PostEntity> page = more ? rows.subList(0, size) : rows;
        String next = more ? new Keyset(page.get(page.size() - 1).sortAt, page.get(page.size() - 1).id).encode()
                : null;
        return new Page<>(page, next);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
