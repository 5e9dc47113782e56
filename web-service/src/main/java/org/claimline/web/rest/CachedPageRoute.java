package org.claimline.web.rest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.claimline.web.domain.PageTag;
import org.claimline.web.service.TimelineQueries;

/**
 * Answers {@code GET /api/v1/events/{id}/posts} without query parameters on the event loop when the page cache has
 * it, before the REST method (which runs on a worker thread); anything else falls through to {@link EventResource}.
 * A cached page needs no blocking work, so the hop to a worker and the REST machinery would be most of its cost.
 */
@ApplicationScoped
public class CachedPageRoute {

    private static final String PATH = "/api/v1/events/:id/posts";
    private static final String JSON = "application/json";
    private static final int NOT_MODIFIED = 304;

    private final TimelineQueries queries;

    public CachedPageRoute(TimelineQueries queries) {
        this.queries = queries;
    }

    void routes(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String query = ctx.request().query();
        if (query != null && !query.isEmpty()) {
            ctx.next();
            return;
        }
        TimelineQueries.RenderedPage page = queries.cachedFirstPage(ctx.pathParam("id"),
                PageTag.parse(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH)));
        if (page == null) {
            ctx.next();
            return;
        }
        HttpServerResponse response = ctx.response()
                .putHeader(HttpHeaders.ETAG, PageTag.format(page.version()))
                .putHeader(HttpHeaders.CACHE_CONTROL, EventResource.REVALIDATE);
        if (page.body() == null) {
            response.setStatusCode(NOT_MODIFIED).end();
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Buffer.buffer(page.body()));
        }
    }
}
