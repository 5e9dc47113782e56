package org.claimline.ingest.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Pattern;
import org.claimline.contracts.MediaFingerprint;
import org.claimline.ingest.domain.ProblemException;
import org.claimline.ingest.domain.ProblemType;
import org.claimline.ingest.domain.Role;
import org.claimline.ingest.repository.MediaFiles.Variant;
import org.claimline.ingest.service.MediaService;

/**
 * {@code /api/v1/media}: upload one image (ingest key) and serve it: the metadata-free copy and the thumbnail to
 * anyone (web-service proxies them to browsers), the original with its EXIF and GPS only to editor keys.
 */
@Path("/api/v1/media")
public class MediaResource {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String PUBLIC_CACHE = "public, max-age=31536000, immutable";
    private static final String PRIVATE_CACHE = "private, no-store";

    private final MediaService media;

    public MediaResource(MediaService media) {
        this.media = media;
    }

    @POST
    @Consumes({"image/jpeg", "image/png", "image/gif", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Access(Role.INGEST)
    public Response upload(byte[] body) {
        MediaService.Stored stored = media.store(body, "body");
        MediaFingerprint f = stored.fingerprint();
        Response.ResponseBuilder builder = stored.created()
                ? Response.created(URI.create("/api/v1/media/" + f.sha256())) : Response.ok();
        return builder.entity(f).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{sha256}")
    @Blocking
    @Access(anonymous = true)
    public Response served(@PathParam("sha256") String sha256) {
        return file(sha256, Variant.SERVED, PUBLIC_CACHE);
    }

    @GET
    @Path("{sha256}/thumbnail")
    @Blocking
    @Access(anonymous = true)
    public Response thumbnail(@PathParam("sha256") String sha256) {
        return file(sha256, Variant.THUMBNAIL, PUBLIC_CACHE);
    }

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
