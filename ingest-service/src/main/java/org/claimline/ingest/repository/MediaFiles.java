package org.claimline.ingest.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.claimline.ingest.config.IngestConfig;

/**
 * Media bytes on disk under {@code claimline.media.dir}: {@code original/}, {@code served/} (metadata stripped) and
 * {@code thumbnail/}, each file named by the original's sha256 and sharded by its first two hex digits. Files are
 * written to a temporary name and moved into place, so a reader never sees half an image.
 */
@ApplicationScoped
public class MediaFiles {

    /** The three stored forms of one image. */
    public enum Variant {
        ORIGINAL("original"), SERVED("served"), THUMBNAIL("thumbnail");

        private final String folder;

        Variant(String folder) {
            this.folder = folder;
        }
    }

    private static final int SHARD_CHARS = 2;

    private final Path root;

    public MediaFiles(IngestConfig config) {
        this.root = config.media().dir().toAbsolutePath();
    }

    public Path path(Variant variant, String sha256) {
        return root.resolve(variant.folder).resolve(sha256.substring(0, SHARD_CHARS)).resolve(sha256);
    }

    public void write(Variant variant, String sha256, byte[] bytes) {
        Path target = path(variant, sha256);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), sha256, ".part");
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store media " + sha256, e);
        }
    }

    public Optional<Path> existing(Variant variant, String sha256) {
        Path path = path(variant, sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }
}
