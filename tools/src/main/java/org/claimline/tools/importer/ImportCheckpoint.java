package org.claimline.tools.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.HexFormat;

/**
 * Remembers how far an import got: the number of leading lines that were all answered (accepted or refused for
 * good), so a second run resumes there. Lines in flight past that mark are sent again; ingest's idempotency makes
 * that harmless.
 */
public final class ImportCheckpoint {

    private final Path file;
    private final BitSet done = new BitSet();
    private int watermark;

    private ImportCheckpoint(Path file, int watermark) {
        this.file = file;
        this.watermark = watermark;
    }

    /** The checkpoint of one corpus file, kept under {@code home/import/}. */
    public static ImportCheckpoint of(Path home, Path corpus) {
        Path file = home.resolve("import").resolve(digest(corpus.toAbsolutePath().normalize().toString())
                + ".done");
        int watermark = 0;
        if (Files.exists(file)) {
            try {
                watermark = Integer.parseInt(Files.readString(file).trim());
            } catch (IOException | NumberFormatException e) {
                watermark = 0;
            }
        }
        return new ImportCheckpoint(file, watermark);
    }

    public synchronized int watermark() {
        return watermark;
    }

    /** Marks line {@code index} (0-based) answered and advances the mark over every answered line. */
    public synchronized void answered(int index) {
        done.set(index);
        while (done.get(watermark)) {
            watermark++;
        }
    }

    public synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Integer.toString(watermark));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the import checkpoint " + file, e);
        }
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
