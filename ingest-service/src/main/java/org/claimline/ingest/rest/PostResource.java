package org.claimline.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.claimline.contracts.ContractJson;
import org.claimline.ingest.config.IngestConfig;
import org.claimline.ingest.domain.PostJson;
import org.claimline.ingest.domain.PostSubmission;
import org.claimline.ingest.domain.PostValidator;
import org.claimline.ingest.domain.ProblemException;
import org.claimline.ingest.domain.ProblemType;
import org.claimline.ingest.domain.Role;
import org.claimline.ingest.service.BatchLine;
import org.claimline.ingest.service.MediaService;
import org.claimline.ingest.service.PostBatchService;
import org.claimline.ingest.service.PostQueries;
import org.claimline.ingest.service.PostsInFlight;
import org.claimline.ingest.service.PostService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** {@code /api/v1/posts}: submit a post (202 once the broker has it) and read back what was accepted. */
@Path("/api/v1/posts")
@Tag(name = "posts", description = "Submit posts and read back what was accepted")
@SecurityScheme(securitySchemeName = PostResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An ingest key (submit) or editor key (read originals); see docs/api.md")
@SecurityRequirement(name = PostResource.BEARER)
@APIResponse(responseCode = "401", description = "No or unknown API key", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "A key of the wrong role", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "429", description = "Over the key's rate limit (Retry-After)",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class PostResource {

    static final String BEARER = "bearer";

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String POST_PART = "post";
    static final String MEDIA_PART = "media";
    static final String NDJSON = "application/x-ndjson";
    static final String ACCEPTED_HEADER = "Claimline-Accepted";
    static final String REFUSED_HEADER = "Claimline-Refused";
    private static final int BATCH_LINE_CHARS = 80;
    private static final String BODY = "body";

    private final PostService posts;
    private final PostQueries queries;
    private final PostBatchService batches;
    private final PostsInFlight inFlight;
    private final PostValidator validator;
    private final MediaService mediaService;
    private final int maxMediaPerPost;
    private final long maxMediaBytes;
    private final Duration multipartWait;
    private final long maxRequestBytes;
    private final java.nio.file.Path uploadsDirectory;

    public PostResource(PostService posts, PostQueries queries, PostBatchService batches, PostsInFlight inFlight,
            PostValidator validator, MediaService mediaService, IngestConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxRequestSize,
            @ConfigProperty(name = "quarkus.http.body.uploads-directory") java.nio.file.Path uploadsDirectory) {
        this.maxRequestBytes = maxRequestSize.asLongValue();
        this.uploadsDirectory = uploadsDirectory;
        this.mediaService = mediaService;
        this.maxMediaPerPost = config.media().maxPerPost();
        this.maxMediaBytes = config.media().maxBytes();
        this.multipartWait = config.posts().publishTimeout().plusSeconds(1);
        this.posts = posts;
        this.queries = queries;
        this.batches = batches;
        this.inFlight = inFlight;
        this.validator = validator;
    }

    @Operation(summary = "Submit one post (JSON)",
            description = "202 only after the broker acknowledged the record; the id is a UUID v5 of platform + externalId")
    @APIResponse(responseCode = "202", description = "Accepted; Location: /api/v1/posts/{id}")
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused for a different post",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Body over 256 KB", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not JSON", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A field breaks a rule (field names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Not accepted (Retry-After): ingest is overloaded (type "
            + "overloaded), or the broker or database is down (type unavailable); send the same request again",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Role.INGEST)
    public Uni<Response> submit(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "The post (fields and rules in docs/api.md)")))
            PostBody body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        Optional<String> key = IdempotencyKeys.parse(idempotencyKey);
        PostSubmission submission = validator.validate(PostJson.parse(body.bytes()));
        return posts.accept(submission, key).map(PostResource::accepted);
    }

    @Operation(summary = "Submit one post with images (multipart)",
            description = "Part 'post' holds the JSON, parts 'media' the images (at most 10)")
    @APIResponse(responseCode = "202", description = "Accepted")
    @APIResponse(responseCode = "413",
            description = "An image too large (bytes or pixels), the post part over 256 KB or the body over 32 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "A part is not a JPEG, PNG, GIF or WebP image",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A field breaks a rule", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Not accepted (Retry-After): overloaded, or broker or database down",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Access(Role.INGEST)
    public Response submitMultipart(@RestForm(POST_PART) String postField,
            @RestForm(FileUpload.ALL) List<FileUpload> files,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) throws IOException {
        Optional<String> key = IdempotencyKeys.parse(idempotencyKey);
        posts.requireAccepting();
        byte[] postJson = postField != null ? postField.getBytes(StandardCharsets.UTF_8) : filePart(files);
        List<FileUpload> media = files.stream().filter(f -> MEDIA_PART.equals(f.name())).toList();
        if (media.size() > maxMediaPerPost) {
            throw ProblemException.invalid(MEDIA_PART, "a post may carry at most " + maxMediaPerPost + " media parts");
        }
        JsonNode tree = PostJson.parse(postJson);
        List<String> uploaded = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) {
            FileUpload part = media.get(i);
            String field = MEDIA_PART + "[" + i + "]";
            if (part.size() > maxMediaBytes) {
                throw new ProblemException(ProblemType.TOO_LARGE, field, "an image may be at most " + maxMediaBytes
                        + " bytes");
            }
            uploaded.add(mediaService.store(Files.readAllBytes(part.uploadedFile()), field).fingerprint().sha256());
        }
        PostSubmission submission = validator.validate(withMedia(tree, uploaded));
        String id = posts.accept(submission, key).await().atMost(multipartWait);
        return accepted(id);
    }

    @Operation(summary = "Submit many posts (NDJSON)",
            description = "One result line per post line: {line, status, id} or {line, status, type, field, detail}")
    @APIResponse(responseCode = "200", description = "Per-line results; counts in Claimline-Accepted / Claimline-Refused")
    @APIResponse(responseCode = "413", description = "Body over the server's limit (32 MB); nothing was accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Overloaded, or broker or database down (Retry-After); nothing "
            + "was accepted, send the whole batch again",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not application/x-ndjson", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @POST
    @Path("batch")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @Blocking
    @Access(Role.INGEST)
    public Response batch(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            RoutingContext rc) throws IOException {
        posts.requireAccepting();
        PostsInFlight.Ticket admitted = rc.get(OverloadFilter.TICKET);
        PostsInFlight.Ticket ticket = admitted != null ? admitted : inFlight.unadmitted();
        List<BatchLine> results = contentLength != null ? batches.accept(body, ticket) : acceptSpooled(body, ticket);
        long accepted = results.stream().filter(BatchLine::isAccepted).count();
        StringBuilder out = new StringBuilder(results.size() * BATCH_LINE_CHARS);
        for (BatchLine line : results) {
            out.append(new String(ContractJson.write(line), StandardCharsets.UTF_8)).append('\n');
        }
        return Response.ok(out.toString(), NDJSON)
                .header(ACCEPTED_HEADER, accepted)
                .header(REFUSED_HEADER, results.size() - accepted)
                .build();
    }

    @Operation(summary = "What was accepted", description = "The PostAccepted record as published")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "404", description = "No post with that id", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "The database is unreachable (Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Access({Role.INGEST, Role.EDITOR})
    public Response get(@PathParam("id") String id) {
        return queries.recordJson(id)
                .map(json -> Response.ok(json, MediaType.APPLICATION_JSON).build())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "id", "no post accepted with id " + id));
    }

    /**
     * A batch without a declared length is first copied to disk, up to the server's body limit: a batch over the limit
     * is then refused as a whole with 413 before any of its posts is published, as one with a length would be.
     */
    private List<BatchLine> acceptSpooled(InputStream body, PostsInFlight.Ticket ticket) throws IOException {
        java.nio.file.Path spooled = Bodies.spoolAtMost(body, uploadsDirectory, maxRequestBytes, BODY, "a batch");
        try (InputStream in = Files.newInputStream(spooled)) {
            return batches.accept(in, ticket);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private static byte[] filePart(List<FileUpload> files) throws IOException {
        Optional<FileUpload> part = files.stream().filter(f -> POST_PART.equals(f.name())).findFirst();
        if (part.isEmpty()) {
            throw ProblemException.invalid(POST_PART, "a multipart post needs a part named \"post\" holding the JSON");
        }
        return Files.readAllBytes(part.get().uploadedFile());
    }

    /** The post JSON with the uploaded images appended to its {@code media} list. */
    private static JsonNode withMedia(JsonNode tree, List<String> sha256s) {
        if (sha256s.isEmpty() || !tree.isObject()) {
            return tree;
        }
        ObjectNode post = (ObjectNode) tree;
        JsonNode existing = post.get(MEDIA_PART);
        if (existing != null && !existing.isNull() && !existing.isArray()) {
            throw ProblemException.invalid(MEDIA_PART, "media must be an array");
        }
        ArrayNode media = existing == null || existing.isNull() ? post.putArray(MEDIA_PART) : (ArrayNode) existing;
        sha256s.forEach(sha -> media.addObject().put("sha256", sha));
        return post;
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
