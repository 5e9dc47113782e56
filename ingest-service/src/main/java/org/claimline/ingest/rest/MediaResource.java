package org.claimline.ingest.rest;

import io.smallrye.common.annotation.Blocking;
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
import java.util.regex.Pattern;
import org.claimline.contracts.MediaFingerprint;
import org.claimline.ingest.config.IngestConfig;
import org.claimline.ingest.domain.ProblemException;
import org.claimline.ingest.domain.ProblemType;
import org.claimline.ingest.domain.Role;
import org.claimline.ingest.repository.MediaFiles.Variant;
import org.claimline.ingest.service.MediaService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/media}: upload one image (ingest key) and serve it: the metadata-free copy and the thumbnail to
 * anyone (web-service proxies them to browsers), the original with its EXIF and GPS only to editor keys.
 */
@Path("/api/v1/media")
@Tag(name = "media", description = "Upload images and serve them stripped of metadata")
@APIResponse(responseCode = "404", description = "No such media", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "503", description = "The database (the media catalog) is unreachable, or (upload) ingest is "
        + "overloaded (Retry-After)",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class MediaResource {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String PUBLIC_CACHE = "public, max-age=31536000, immutable";
    private static final String PRIVATE_CACHE = "private, no-store";

    private static final String BODY = "body";
    private static final String AN_IMAGE = "an image";

    private final MediaService media;
    private final long maxBytes;

    public MediaResource(MediaService media, IngestConfig config) {
        this.media = media;
        this.maxBytes = config.media().maxBytes();
    }

    @Operation(summary = "Upload one image", description = "Type by magic bytes; JPEG, PNG, GIF, WebP")
    @SecurityRequirement(name = PostResource.BEARER)
    @APIResponse(responseCode = "201", description = "Stored; the fingerprint")
    @APIResponse(responseCode = "200", description = "Already stored; the fingerprint")
    @APIResponse(responseCode = "401", description = "No or unknown key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an ingest key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Over 20 MB or 50 megapixels", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not an accepted image type", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @POST
    @Consumes({"image/jpeg", "image/png", "image/gif", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Access(Role.INGEST)
    public Response upload(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength)
            throws IOException {
        Bodies.checkDeclared(contentLength, maxBytes, BODY, AN_IMAGE);
        MediaService.Stored stored = media.store(Bodies.readAtMost(body, contentLength, maxBytes, BODY, AN_IMAGE), BODY);
        MediaFingerprint f = stored.fingerprint();
        Response.ResponseBuilder builder = stored.created()
                ? Response.created(URI.create("/api/v1/media/" + f.sha256())) : Response.ok();
        return builder.entity(f).type(MediaType.APPLICATION_JSON).build();
    }

    @Operation(summary = "The image without metadata", description = "Re-encoded from pixels: no EXIF, no GPS; no key needed")
    @APIResponse(responseCode = "200", description = "The image")
    @GET
    @Path("{sha256}")
    @Blocking
    @Access(anonymous = true)
    public Response served(@PathParam("sha256") String sha256) {
        return file(sha256, Variant.SERVED, PUBLIC_CACHE);
    }

    @Operation(summary = "A thumbnail without metadata", description = "Longer side at most 320 px; no key needed")
    @APIResponse(responseCode = "200", description = "The thumbnail")
    @GET
    @Path("{sha256}/thumbnail")
    @Blocking
    @Access(anonymous = true)
    public Response thumbnail(@PathParam("sha256") String sha256) {
        return file(sha256, Variant.THUMBNAIL, PUBLIC_CACHE);
    }

    @Operation(summary = "The original bytes with their metadata", description = "Editor key only")
    @SecurityRequirement(name = PostResource.BEARER)
    @APIResponse(responseCode = "200", description = "The original")
    @APIResponse(responseCode = "401", description = "No or unknown key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an editor key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @GET
    @Path("{sha256}/original")
    @Blocking
    @Access(Role.EDITOR)
    public Response original(@PathParam("sha256") String sha256) {
        return file(sha256, Variant.ORIGINAL, PRIVATE_CACHE);
    }

    private Response file(String sha256, Variant variant, String cacheControl) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "sha256", "media are named by 64 lower-case hex digits");
        }
        MediaService.StoredFile file = media.file(sha256, variant).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "sha256", "no media " + sha256));
        return Response.ok(file.path().toFile(), file.mime())
                .header("Cache-Control", cacheControl)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'")
                .build();
    }
}
