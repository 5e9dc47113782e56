package org.claimline.web.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * {@code /events/{id}}: the static event page (the same file for every id; its script reads the id from the
 * address), so that no user text is ever spliced into HTML on the server.
 */
@Path("/events/{id}")
public class PageResource {

    private static final String EVENT_PAGE = "META-INF/resources/event.html";

    @GET
    @Produces(MediaType.TEXT_HTML)
    public InputStream event(@PathParam("id") String id) {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(EVENT_PAGE);
    }
}
