package org.claimline.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.claimline.web.domain.EventNotFoundException;
import org.claimline.web.domain.InvalidParameterException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one exception mapping of web-service: every error is problem+json, never a Java class name. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String TYPE_BASE = "https://claimline.org/problems/";

    @ServerExceptionMapper
    public Response notFound(EventNotFoundException e, UriInfo uri) {
        return problem(404, "not-found", "Not found", e.getMessage(), null, uri);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidParameterException e, UriInfo uri) {
        return problem(400, "invalid-parameter", "Invalid parameter", e.getMessage(), e.field(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return problem(status, "http-" + status, title, title, null, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("unexpected failure serving " + uri.getPath(), e);
        return problem(500, "internal", "Internal error", "the server could not answer this request", null, uri);
    }

    static Response problem(int status, String type, String title, String detail, String field, UriInfo uri) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + type, title, status, detail, field, uri.getPath())).build();
    }
}
