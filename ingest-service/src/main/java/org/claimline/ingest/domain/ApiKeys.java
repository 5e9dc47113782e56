package org.claimline.ingest.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The API keys this service honours and their roles, from key files and comma-separated lists. Keys are held only as
 * SHA-256 digests, so a key never sits in memory or logs in clear longer than a request.
 */
public final class ApiKeys {

    private final Map<String, Role> roleByDigest;

    private ApiKeys(Map<String, Role> roleByDigest) {
        this.roleByDigest = Map.copyOf(roleByDigest);
    }

    /**
     * Collects the keys; a key file that does not exist is skipped (compose passes keys as lists instead).
     *
     * @throws IllegalStateException when no ingest key is configured at all, since such a service could accept nothing
     */
    public static ApiKeys load(Optional<Path> ingestFile, Optional<List<String>> ingestKeys, Optional<Path> editorFile,
            Optional<List<String>> editorKeys) {
        Map<String, Role> roles = new HashMap<>();
        add(roles, fromFile(editorFile), Role.EDITOR);
        add(roles, editorKeys.orElse(List.of()), Role.EDITOR);
        add(roles, fromFile(ingestFile), Role.INGEST);
        add(roles, ingestKeys.orElse(List.of()), Role.INGEST);
        if (!roles.containsValue(Role.INGEST)) {
            throw new IllegalStateException("no ingest API key configured: set claimline.auth.ingest-key-file "
                    + "(CLAIMLINE_AUTH_INGEST_KEY_FILE) to an existing file or CLAIMLINE_AUTH_INGEST_KEYS");
        }
        return new ApiKeys(roles);
    }

    /** One configured ingest key, in plain text: what the service's own start-up rehearsal presents to itself. */
    public static Optional<String> anyIngestKey(Optional<Path> ingestFile, Optional<List<String>> ingestKeys) {
        return Stream.concat(fromFile(ingestFile).stream(), ingestKeys.orElse(List.of()).stream())
                .map(String::trim).filter(k -> !k.isEmpty()).findFirst();
    }

    /** The role of a presented key, if it is one of ours. */
    public Optional<Role> roleOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(roleByDigest.get(digest(presentedKey)));
    }

    /** A stable, non-secret name for a key (for rate-limit buckets and logs). */
    public static String digest(String key) {
        return PostIds.sha256(key.getBytes(StandardCharsets.UTF_8));
    }

    private static void add(Map<String, Role> roles, Collection<String> keys, Role role) {
        for (String key : keys) {
            String trimmed = key.trim();
            if (!trimmed.isEmpty()) {
                Role previous = roles.put(digest(trimmed), role);
                if (previous != null && previous != role) {
                    throw new IllegalStateException("the same API key is configured as both " + previous + " and "
                            + role + " key");
                }
            }
        }
    }

    private static List<String> fromFile(Optional<Path> file) {
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return List.of();
        }
        try {
            return Files.readAllLines(file.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read API key file " + file.get(), e);
        }
    }
}
