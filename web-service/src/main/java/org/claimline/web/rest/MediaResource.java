package org.claimline.web.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;
import org.claimline.web.service.MediaProxy;

/** {@code /media/{sha256}} and its thumbnail: images proxied from ingest-service, so the page has one origin. */
@Path("/media/{sha256}")
public class MediaResource {

    /** Content-addressed: the bytes under a hash never change. */
    private static final String CACHE = "public, max-age=31536000, immutable";
    private static final int NOT_FOUND = 404;

    private final MediaProxy proxy;

    public MediaResource(MediaProxy proxy) {
        this.proxy = proxy;
    }

    @GET
    public CompletionStage<Response> image(@PathParam("sha256") String sha256, @Context UriInfo uri) {
        return serve(sha256, false, uri);
    }

    @GET
    @Path("/thumbnail")
    public CompletionStage<Response> thumbnail(@PathParam("sha256") String sha256, @Context UriInfo uri) {
        return serve(sha256, true, uri);
    }

    private CompletionStage<Response> serve(String sha256, boolean thumbnail, UriInfo uri) {
        return proxy.fetch(sha256, thumbnail).handle((media, failure) -> {
            if (failure != null) {
                return ProblemMapper.problem(502, "media-unavailable", "Bad gateway",
                        "the media store did not answer", null, uri);
            }
            if (media.status() == NOT_FOUND) {
                return ProblemMapper.problem(404, "not-found", "Not found", "no image with this SHA-256", null, uri);
            }
            if (!media.isImage()) {
                return ProblemMapper.problem(502, "media-unavailable", "Bad gateway",
                        "the media store did not return an image", null, uri);
            }
            return Response.ok(media.bytes(), media.contentType()).header("Cache-Control", CACHE)
                    .header("Content-Disposition", "inline").build();
        });
    }
}
