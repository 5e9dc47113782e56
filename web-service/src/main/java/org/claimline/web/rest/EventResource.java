package org.claimline.web.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.claimline.web.domain.InvalidParameterException;
import org.claimline.web.repository.PostEntity;
import org.claimline.web.repository.PostRepository;
import org.claimline.web.service.TimelineQueries;

/** The read API of events and their timelines (DESIGN.md section 3). */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private final TimelineQueries queries;

    public EventResource(TimelineQueries queries) {
        this.queries = queries;
    }

    @GET
    public PageView<EventView> events(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        TimelineQueries.Page<TimelineQueries.EventDetail> page = queries.events(blankToNull(status), cursor,
                parseLimit(limit));
        return new PageView<>(page.items().stream().map(EventView::from).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    public EventView event(@PathParam("id") String id) {
        return EventView.from(queries.event(id));
    }

    @GET
    @Path("/{id}/posts")
    public PageView<PostView> posts(@PathParam("id") String id, @QueryParam("storyline") String storyline,
            @QueryParam("q") String text, @QueryParam("signal") String signal, @QueryParam("lang") String lang,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        PostRepository.Filter filter = new PostRepository.Filter(blankToNull(storyline), blankToNull(text),
                blankToNull(signal), blankToNull(lang));
        TimelineQueries.Page<PostEntity> page = queries.posts(id, filter, cursor, parseLimit(limit));
        return new PageView<>(page.items().stream().map(PostView::from).toList(), page.nextCursor());
    }

    private static Integer parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(limit.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("limit", "limit must be a whole number");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
