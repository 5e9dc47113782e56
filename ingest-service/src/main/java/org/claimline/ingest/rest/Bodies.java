package org.claimline.ingest.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimline.ingest.domain.ProblemException;
import org.claimline.ingest.domain.ProblemType;

/**
 * Reads request bodies without trusting their size: a declared Content-Length over the limit is refused before reading,
 * and a body without one is read only up to the limit plus one byte, so neither costs more memory than the limit.
 */
final class Bodies {

    private static final int BUFFER = 64 * 1024;

    private Bodies() {
    }

    /** Refuses at once when the client declared a length over {@code max}; {@code what} names the body ("an image"). */
    static void checkDeclared(Long contentLength, long max, String field, String what) {
        if (contentLength != null && contentLength > max) {
            throw tooLarge(field, what + " is " + contentLength + " bytes; it may be at most " + max + " bytes");
        }
    }

    /**
     * The whole body, or 413 as soon as more than {@code max} bytes have come. With a declared length (already checked
     * against {@code max}) it is read into an array of exactly that size, so a 20 MB image costs 20 MB, not the 40-60 MB
     * of a growing buffer and its final copy.
     */
    static byte[] readAtMost(InputStream in, Long declaredLength, long max, String field, String what)
            throws IOException {
        if (declaredLength != null && declaredLength <= max) {
            byte[] body = in.readNBytes(declaredLength.intValue());
            if (in.read() != -1) {
                throw tooLarge(field, what + " is longer than its Content-Length");
            }
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, BUFFER));
        copyAtMost(in, out, max, field, what);
        return out.toByteArray();
    }

    /**
     * Copies the body into a new file in {@code dir} (created if missing), or refuses with 413 once more than
     * {@code max} bytes have come (the file is then deleted). The caller deletes the file when done with it.
     */
    static Path spoolAtMost(InputStream in, Path dir, long max, String field, String what) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "body-", ".spool");
        try (OutputStream out = Files.newOutputStream(file)) {
            copyAtMost(in, out, max, field, what);
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static void copyAtMost(InputStream in, OutputStream out, long max, String field, String what)
            throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > max) {
                throw tooLarge(field, what + " may be at most " + max + " bytes");
            }
            out.write(buffer, 0, n);
        }
    }

    private static ProblemException tooLarge(String field, String detail) {
        return new ProblemException(ProblemType.TOO_LARGE, field, detail);
    }
}
