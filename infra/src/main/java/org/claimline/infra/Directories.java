package org.claimline.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary data directories for servers, removed when they are no longer needed. */
public final class Directories {

    private static final int DELETE_ATTEMPTS = 3;

    private Directories() {
    }

    public static Path temporary(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    /** Deletes a tree; tolerates files vanishing meanwhile (a server's own shutdown may be removing them too). */
    public static void deleteRecursively(Path dir) {
        for (int attempt = 0; attempt < DELETE_ATTEMPTS && dir != null && Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // Walked into a file that was deleted under us: walk again.
            }
        }
    }
}
