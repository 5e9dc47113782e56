package org.claimline.ingest.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.claimline.contracts.MediaFingerprint;
import org.claimline.ingest.config.IngestConfig;
import org.claimline.ingest.domain.ProblemException;
import org.claimline.ingest.domain.ProblemType;
import org.claimline.ingest.repository.DatabaseGate;
import org.claimline.ingest.repository.DatabaseUnavailableException;
import org.claimline.ingest.repository.MediaEntry;
import org.claimline.ingest.repository.MediaFiles;
import org.claimline.ingest.repository.MediaFiles.Variant;
import org.claimline.ingest.repository.MediaRepository;
import org.claimline.media.EncodedImage;
import org.claimline.media.ImageFingerprint;
import org.claimline.media.ImageFingerprinter;
import org.claimline.media.ImageRejectedException;

/**
 * Takes in one image: checks type and size from its header (media module), fingerprints it, stores the original, a
 * metadata-free copy (what is served) and a thumbnail on disk, and records the fingerprint. Uploading the same bytes
 * again changes nothing. Blocking work: call it from a worker thread.
 */
@ApplicationScoped
public class MediaService {

    private final ImageFingerprinter fingerprinter;
    private final MediaFiles files;
    private final MediaRepository repository;
    private final MediaCatalog catalog;
    private final DatabaseGate gate;
    private final long maxBytes;
    private final int thumbnailSide;
    private final Clock clock = Clock.systemUTC();

    public MediaService(MediaFiles files, MediaRepository repository, MediaCatalog catalog, DatabaseGate gate,
            IngestConfig config) {
        this.fingerprinter = new ImageFingerprinter(config.media().maxPixels());
        this.files = files;
        this.repository = repository;
        this.gate = gate;
        this.catalog = catalog;
        this.maxBytes = config.media().maxBytes();
        this.thumbnailSide = config.media().thumbnailSide();
    }

    /** The stored image's fingerprint and whether this call stored it (false: it was already there). */
    public record Stored(MediaFingerprint fingerprint, boolean created) {
    }

    /** Stores an image; {@link DatabaseUnavailableException} at once while the database (its catalog) is down. */
    public Stored store(byte[] bytes, String field) {
        if (bytes.length > maxBytes) {
            throw new ProblemException(ProblemType.TOO_LARGE, field, "an image may be at most " + maxBytes + " bytes");
        }
        gate.requireUp();
        ImageFingerprint fingerprint;
        EncodedImage served;
        EncodedImage thumbnail;
        try {
            fingerprint = fingerprinter.fingerprint(bytes);
            Optional<MediaFingerprint> known = catalog.find(fingerprint.sha256());
            if (known.isPresent()) {
                return new Stored(known.get(), false);
            }
            served = fingerprinter.stripMetadata(bytes);
            thumbnail = fingerprinter.thumbnail(bytes, thumbnailSide);
        } catch (ImageRejectedException e) {
            throw refusal(e, field);
        }
        String sha = fingerprint.sha256();
        files.write(Variant.ORIGINAL, sha, bytes);
        files.write(Variant.SERVED, sha, served.bytes());
        files.write(Variant.THUMBNAIL, sha, thumbnail.bytes());
        MediaEntry entry = new MediaEntry();
        entry.sha256 = sha;
        entry.mime = fingerprint.mime();
        entry.sizeBytes = fingerprint.sizeBytes();
        entry.width = fingerprint.width();
        entry.height = fingerprint.height();
        entry.perceptualHash = fingerprint.perceptualHash();
        entry.takenAt = fingerprint.takenAt();
        entry.gpsLat = fingerprint.gpsLat();
        entry.gpsLon = fingerprint.gpsLon();
        entry.camera = fingerprint.camera() == null ? null
                : fingerprint.camera().substring(0, Math.min(fingerprint.camera().length(), CAMERA_CHARS));
        entry.servedMime = served.mime();
        entry.thumbnailMime = thumbnail.mime();
        entry.uploadedAt = clock.instant();
        gate.call(() -> QuarkusTransaction.requiringNew().call(() -> {
            if (repository.findById(sha) == null) {
                repository.persist(entry);
            }
            return sha;
        }));
        MediaFingerprint result = entry.toFingerprint();
        catalog.remember(result);
        return new Stored(result, true);
    }

    /** The bytes to serve for a variant, with their type. */
    public Optional<StoredFile> file(String sha256, Variant variant) {
        Optional<MediaEntry> entry = gate.call(() -> repository.findByIdOptional(sha256));
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        String mime = switch (variant) {
            case ORIGINAL -> entry.get().mime;
            case SERVED -> entry.get().servedMime;
            case THUMBNAIL -> entry.get().thumbnailMime;
        };
        return files.existing(variant, sha256).map(path -> new StoredFile(path, mime));
    }

    /** A stored file and its content type. */
    public record StoredFile(java.nio.file.Path path, String mime) {
    }

    private static final int CAMERA_CHARS = 200;

    private static ProblemException refusal(ImageRejectedException e, String field) {
        return switch (e.reason()) {
            case SVG_NOT_ACCEPTED, UNSUPPORTED_TYPE -> new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, field,
                    e.getMessage());
            case TOO_MANY_PIXELS -> new ProblemException(ProblemType.TOO_LARGE, field, e.getMessage());
            case EMPTY -> new ProblemException(ProblemType.MALFORMED_REQUEST, field, e.getMessage());
            case CORRUPT -> ProblemException.invalid(field, e.getMessage());
        };
    }
}
