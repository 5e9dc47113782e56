package org.claimline.web.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimline.web.domain.InvalidParameterException;
import org.claimline.web.domain.PageTag;
import org.claimline.web.repository.PostRepository;
import org.claimline.web.service.TimelineQueries;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The read API of events and their timelines (DESIGN.md section 3). */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    /** Pages change with every post: a cache may keep one but must ask (cheaply, by ETag) before using it. */
    static final String REVALIDATE = "no-cache";

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

    /**
     * The timeline page: each post's JSON as stored at write time, with the event id added, concatenated (no
     * rendering per read), and first pages served from memory while their event is unchanged. The ETag is the
     * event's posts version: {@code If-None-Match} with it answers 304.
     */
    @GET
    @Path("/{id}/posts")
    @APIResponse(responseCode = "200", description = "a page of the timeline, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PostView.Page.class)))
    @APIResponse(responseCode = "304", description = "the page named by If-None-Match is still current")
    public Response posts(@PathParam("id") String id, @QueryParam("storyline") String storyline,
            @QueryParam("q") String text, @QueryParam("signal") String signal, @QueryParam("lang") String lang,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PostRepository.Filter filter = new PostRepository.Filter(blankToNull(storyline), blankToNull(text),
                blankToNull(signal), blankToNull(lang));
        TimelineQueries.RenderedPage page = queries.postsPage(id, filter, cursor, parseLimit(limit),
                PageTag.parse(ifNoneMatch));
        Response.ResponseBuilder response = page.body() == null ? Response.notModified()
                : Response.ok(page.body(), MediaType.APPLICATION_JSON_TYPE);
        if (page.version() != null) {
            response.header(HttpHeaders.ETAG, PageTag.format(page.version()));
        }
        return response.header(HttpHeaders.CACHE_CONTROL, REVALIDATE).build();
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
