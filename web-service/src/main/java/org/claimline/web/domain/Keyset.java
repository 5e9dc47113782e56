package org.claimline.web.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A keyset cursor (a time and an id, the last row of a page) as an opaque URL-safe token, so that pages are read by
 * index seek instead of OFFSET and stay stable while new rows arrive.
 */
public record Keyset(Instant at, String id) {

    private static final char SEPARATOR = '|';

    public Keyset {
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        String raw = Long.toString(micros) + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token made by {@link #encode()}; anything else is an {@link InvalidParameterException}. */
    public static Keyset decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int cut = raw.indexOf(SEPARATOR);
            if (cut <= 0 || cut == raw.length() - 1) {
                throw new IllegalArgumentException("no separator");
            }
            long micros = Long.parseLong(raw.substring(0, cut));
            return new Keyset(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), raw.substring(cut + 1));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new InvalidParameterException("cursor", "cursor is not one this API handed out");
        }
    }
}
