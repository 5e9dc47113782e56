package org.claimline.ingest.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.claimline.ingest.config.IngestConfig;
import org.claimline.ingest.domain.PostJson;
import org.claimline.ingest.domain.PostSubmission;
import org.claimline.ingest.domain.PostValidator;
import org.claimline.ingest.domain.ProblemException;
import org.claimline.ingest.domain.ProblemType;
import org.claimline.ingest.domain.Role;
import org.claimline.ingest.service.PostQueries;
import org.claimline.ingest.service.PostService;

/** {@code /api/v1/posts}: submit a post (202 once the broker has it) and read back what was accepted. */
@Path("/api/v1/posts")
public class PostResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final PostService posts;
    private final PostQueries queries;
    private final PostValidator validator;
    private final int maxBodyBytes;

    public PostResource(PostService posts, PostQueries queries, PostValidator validator, IngestConfig config) {
        this.posts = posts;
        this.queries = queries;
        this.validator = validator;
        this.maxBodyBytes = config.posts().maxBodyBytes();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Role.INGEST)
    public Uni<Response> submit(byte[] body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        if (body.length > maxBodyBytes) {
            throw new ProblemException(ProblemType.TOO_LARGE, null,
                    "a post body may be at most " + maxBodyBytes + " bytes");
        }
        Optional<String> key = IdempotencyKeys.parse(idempotencyKey);
        PostSubmission submission = validator.validate(PostJson.parse(body));
        return posts.accept(submission, key).map(PostResource::accepted);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Access({Role.INGEST, Role.EDITOR})
    public Response get(@PathParam("id") String id) {
        return queries.recordJson(id)
                .map(json -> Response.ok(json, MediaType.APPLICATION_JSON).build())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "id", "no post accepted with id " + id));
    }

    static Response accepted(String id) {
        return Response.accepted(new Accepted(id, Accepted.STATUS))
                .location(URI.create("/api/v1/posts/" + id))
                .build();
    }

    /** The answer to an accepted post. */
    public record Accepted(String id, String status) {
        static final String STATUS = "accepted";
    }
}
