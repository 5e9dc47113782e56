package org.claimline.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code ./claimline import FILE.ndjson} (the packaged tools module) run as a child process with the
 * environment the launcher gives it, so that what is tested is what a newsroom runs, progress bar and all.
 */
final class ImportTool {

    /** The counts of the summary line the importer ends with. */
    record Summary(int inFile, int skipped, int accepted, int refused) {
    }

    private static final Pattern SUMMARY = Pattern.compile(
            "import: (\\d+) posts in file, (\\d+) skipped \\(imported before\\), (\\d+) accepted, (\\d+) refused");
    private static final List<String> FOREIGN_ENV_PREFIXES = List.of("QUARKUS_", "KAFKA_", "CLAIMLINE_");
    private static final String MAIN = "org.claimline.tools.ClaimlineTools";
    private static final int TAIL_LINES = 30;

    private final Process process;
    private final Path out;
    private final Path err;

    private ImportTool(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code import corpus} against the stack's ingest-service; output goes to {@code logs/import.*}. */
    static ImportTool start(Path root, Path corpus, Stack stack, Path logs) {
        Path jar = root.resolve("tools/target/tools.jar");
        Path lib = root.resolve("tools/target/lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException(jar + " or " + lib + " is missing: package the tools first "
                    + "(./mvnw -q -DskipTests install -pl tools -am)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar + File.pathSeparator + lib + File.separator + "*",
                MAIN, "import", corpus.toString()));
        Path out = logs.resolve("import.out");
        Path err = logs.resolve("import.err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.to(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.to(err.toFile()));
        builder.environment().keySet().removeIf(key -> FOREIGN_ENV_PREFIXES.stream().anyMatch(key::startsWith));
        builder.environment().put("CLAIMLINE_HOME", stack.home().toString());
        builder.environment().put("CLAIMLINE_INGEST_URL", stack.ingestUrl());
        builder.environment().put("CLAIMLINE_WEB_URL", stack.webUrl());
        try {
            Files.createDirectories(logs);
            return new ImportTool(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the importer", e);
        }
    }

    boolean isRunning() {
        return process.isAlive();
    }

    /** Waits for the importer to end; its exit code, or empty if it still runs after {@code limit}. */
    Optional<Integer> awaitExit(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.of(process.exitValue()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the importer", e);
        }
    }

    /** The summary line's counts; fails with the output when there is no such line. */
    Summary summary() {
        Matcher m = SUMMARY.matcher(read(out));
        if (!m.find()) {
            throw new AssertionError("the importer printed no summary line:\n" + output());
        }
        return new Summary(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
    }

    /** What the importer wrote to stderr (progress bar, refusals, media problems). */
    String errors() {
        return read(err);
    }

    /** The end of both outputs, for a failure message. */
    String output() {
        return "---- import stdout ----\n" + tail(read(out)) + "\n---- import stderr ----\n" + tail(read(err));
    }

    /** Kills the importer if it still runs (a failed test must not leave it behind). */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    private static String tail(String text) {
        // The progress bar redraws with carriage returns: each redraw is a line here.
        String[] lines = text.split("\r\n|\r|\n");
        StringBuilder tail = new StringBuilder();
        for (int i = Math.max(0, lines.length - TAIL_LINES); i < lines.length; i++) {
            tail.append(lines[i]).append('\n');
        }
        return tail.toString();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
