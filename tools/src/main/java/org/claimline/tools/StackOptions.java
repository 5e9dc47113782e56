package org.claimline.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the running stack is and the ingest key to use: from options, else the launcher's environment. */
public final class StackOptions {

    @Option(names = "--home", description = "Claimline data folder (default: $CLAIMLINE_HOME or ./.claimline)")
    Path home;

    @Option(names = "--ingest-url", description = "ingest-service base URL (default: $CLAIMLINE_INGEST_URL or "
            + "http://127.0.0.1:8081)")
    String ingestUrl;

    @Option(names = "--web-url", description = "web-service base URL (default: $CLAIMLINE_WEB_URL or "
            + "http://127.0.0.1:8080)")
    String webUrl;

    @Option(names = "--key", description = "ingest API key (default: the key file under the data folder)")
    String key;

    public Path home() {
        if (home != null) {
            return home;
        }
        String env = System.getenv("CLAIMLINE_HOME");
        return Path.of(env != null && !env.isBlank() ? env : ".claimline").toAbsolutePath();
    }

    public URI ingestUrl() {
        return URI.create(strip(firstOf(ingestUrl, System.getenv("CLAIMLINE_INGEST_URL"), "http://127.0.0.1:8081")));
    }

    public URI webUrl() {
        return URI.create(strip(firstOf(webUrl, System.getenv("CLAIMLINE_WEB_URL"), "http://127.0.0.1:8080")));
    }

    public String ingestKey() {
        if (key != null) {
            return key.trim();
        }
        Path file = home().resolve("keys").resolve("ingest.key");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ingest key from " + file
                    + " (is the stack up? or pass --key)", e);
        }
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
