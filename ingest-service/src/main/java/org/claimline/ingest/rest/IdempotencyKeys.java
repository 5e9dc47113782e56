package org.claimline.ingest.rest;

import java.util.Optional;
import java.util.regex.Pattern;
import org.claimline.ingest.domain.ProblemException;

/** Reads the {@code Idempotency-Key} header: printable ASCII, at most 255 characters (the post log's column). */
final class IdempotencyKeys {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private IdempotencyKeys() {
    }

    static Optional<String> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String key = header.trim();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid(PostResource.IDEMPOTENCY_KEY,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters");
        }
        return Optional.of(key);
    }
}
