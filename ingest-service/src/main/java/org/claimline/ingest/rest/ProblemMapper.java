package org.claimline.ingest.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.claimline.contracts.ContractJson;
import org.claimline.ingest.config.IngestConfig;
import org.claimline.ingest.domain.ProblemException;
import org.claimline.ingest.domain.ProblemType;
import org.claimline.ingest.repository.DatabaseGate;
import org.claimline.ingest.repository.DatabaseUnavailableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one exception mapper of ingest-service: every refusal becomes {@code application/problem+json}, never a stack trace. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final long maxBodyBytes;
    private final long maxFormFieldBytes;
    private final int retryAfterSeconds;
    private final DatabaseGate databaseGate;

    public ProblemMapper(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "quarkus.http.limits.max-form-attribute-size") MemorySize maxFormFieldSize,
            IngestConfig config, DatabaseGate databaseGate) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxFormFieldBytes = maxFormFieldSize.asLongValue();
        this.retryAfterSeconds = config.posts().retryAfterSeconds();
        this.databaseGate = databaseGate;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, RoutingContext rc) {
        if (e.type() == ProblemType.TOO_LARGE) {
            BodyLimitFilter.closeAfterResponse(rc);
        }
        return response(Problem.from(e, uri.getPath()), e.retryAfterSeconds());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return response(Problem.of(ProblemType.NOT_FOUND, null, "no such resource", uri.getPath()), null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return response(Problem.of(ProblemType.METHOD_NOT_ALLOWED, null, "method not allowed here", uri.getPath()),
                null);
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, UriInfo uri) {
        return response(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
                "this endpoint does not accept that Content-Type", uri.getPath()), null);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return response(Problem.of(ProblemType.NOT_ACCEPTABLE, "Accept", "cannot produce the requested type",
                uri.getPath()), null);
    }

    /** Only RESTEasy's multipart parser throws a bare 413 here: over the body limit or a form field over its own. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, RoutingContext rc) {
        int status = e.getResponse().getStatus();
        if (status == Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()) {
            BodyLimitFilter.closeAfterResponse(rc);
            return response(Problem.of(ProblemType.TOO_LARGE, "body", "a multipart body may be at most "
                    + maxBodyBytes + " bytes, and its post part at most " + maxFormFieldBytes + " bytes",
                    uri.getPath()), null);
        }
        ProblemType type = status < Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()
                ? ProblemType.MALFORMED_REQUEST : ProblemType.UNAVAILABLE;
        return response(new Problem(type.uri(), type.title(), status, "the request cannot be served", null,
                uri.getPath()), null);
    }

    @ServerExceptionMapper
    public Response databaseDown(DatabaseUnavailableException e, UriInfo uri) {
        return unavailable(uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (DatabaseGate.isOutage(e)) {
            // a database call that did not go through the gate: still an outage, not a bug of ours
            databaseGate.down(e);
            return unavailable(uri);
        }
        LOG.error("unexpected failure serving " + uri.getPath(), e);
        return response(new Problem("urn:claimline:problem:internal", "Internal error", 500,
                "an unexpected error occurred; it has been logged", null, uri.getPath()), null);
    }

    private Response unavailable(UriInfo uri) {
        return response(Problem.of(ProblemType.UNAVAILABLE, null,
                "the database is unreachable; retry after " + retryAfterSeconds + " s", uri.getPath()),
                retryAfterSeconds);
    }

    static Response response(Problem problem, Integer retryAfterSeconds) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(ContractJson.write(problem));
        if (retryAfterSeconds != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        return builder.build();
    }
}
