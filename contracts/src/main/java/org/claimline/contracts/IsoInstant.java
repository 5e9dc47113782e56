package org.claimline.contracts;

import com.ethlo.time.ITU;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 instants read and written through ITU's RFC 3339 code instead of java.time's formatter, which took half
 * the CPU of reading a timeline change (seven times in each). The text is exactly what {@link Instant#toString()}
 * writes and what {@link OffsetDateTime#parse(CharSequence)} accepts: anything outside ITU's fast path goes to
 * java.time, so nothing accepted before is refused now and nothing refused before is accepted.
 */
public final class IsoInstant {

    /** Where the date ends and the time begins: "2016-12-13T09:12:00Z". */
    private static final int SEPARATOR_INDEX = 10;
    private static final int NANOS_PER_MILLI = 1_000_000;
    private static final int NANOS_PER_MICRO = 1_000;
    /** ITU writes four-digit years only; java.time writes the others ("+10000-01-01T00:00:00Z"). */
    private static final int LAST_FOUR_DIGIT_YEAR = 9999;
    private static final long FIRST_SECOND_OF_YEAR_0 = -62_167_219_200L;
    private static final long FIRST_SECOND_OF_YEAR_10000 = 253_402_300_800L;

    private IsoInstant() {
    }

    /** Parses a time with an offset ("Z", "+02:00"); throws {@link DateTimeException} as java.time does. */
    public static Instant parse(String text) {
        Instant fast = rfc3339OrNull(text);
        // java.time decides the rest, and words the error: it takes a few forms ITU does not (no seconds, big years)
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /** The instant when the text is RFC 3339 with a 'T' (what every Claimline part writes), else null. */
    static Instant rfc3339OrNull(String text) {
        // ITU also takes a space between date and time, which java.time refuses: only a 'T' takes this path
        if (text.length() <= SEPARATOR_INDEX
                || (text.charAt(SEPARATOR_INDEX) != 'T' && text.charAt(SEPARATOR_INDEX) != 't')) {
            return null;
        }
        try {
            return ITU.parseDateTime(text).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The text {@link Instant#toString()} gives: UTC, with 0, 3, 6 or 9 fraction digits as the nanoseconds need. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND_OF_YEAR_0 || seconds >= FIRST_SECOND_OF_YEAR_10000) {
            return instant.toString();
        }
        int nanos = instant.getNano();
        int digits = nanos == 0 ? 0 : nanos % NANOS_PER_MILLI == 0 ? 3 : nanos % NANOS_PER_MICRO == 0 ? 6 : 9;
        return ITU.formatUtc(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC), digits);
    }
}
