package org.claimline.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    @Test
    void writesWhatInstantToStringWrites() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(YEAR_0, YEAR_10000);
            // all four shapes of the fraction: none, milli, micro and nano digits
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(instant.toString(), IsoInstant.format(instant));
            assertEquals(instant, IsoInstant.parse(IsoInstant.format(instant)));
        }
        for (Instant edge : List.of(Instant.EPOCH, Instant.ofEpochSecond(YEAR_0), Instant.ofEpochSecond(YEAR_10000 - 1,
                999_999_999), Instant.ofEpochSecond(YEAR_10000), Instant.ofEpochSecond(YEAR_0 - 1), Instant.MAX,
                Instant.MIN)) {
            assertEquals(edge.toString(), IsoInstant.format(edge));
        }
    }

    @Test
    void readsWhatJavaTimeReads() {
        for (String text : List.of("2016-12-13T09:12:00Z", "2016-12-13t09:12:00z", "2016-12-13T09:12:00+02:00",
                "2016-12-13T09:12:00.5-05:30", "2016-12-13T09:12:00.123456789Z", "2016-12-13T09:12Z",
                "+12016-12-13T09:12:00Z", "2016-12-13T23:59:59.999Z")) {
            assertEquals(OffsetDateTime.parse(text).toInstant(), IsoInstant.parse(text), text);
        }
    }

    @Test
    void refusesWhatJavaTimeRefuses() {
        for (String text : List.of("2016-12-13 09:12:00Z", "2016-12-13T09:12:00", "2016-12-31T23:59:60Z",
                "2016-02-30T09:12:00Z", "2016-12-13T09:12:00.1234567890Z", "2016-12-13T09:12:00+0200",
                " 2016-12-13T09:12:00Z", "2016-12-13", "yesterday", "")) {
            assertThrows(DateTimeException.class, () -> OffsetDateTime.parse(text), text);
            assertThrows(DateTimeException.class, () -> IsoInstant.parse(text), text);
        }
    }

    @Test
    void recordsReadEveryFormJavaTimeModuleRead() {
        String json = """
                {"schemaVersion":1,"id":"p-1","platform":"x","externalId":"1","text":"t",
                 "postedAt":"2016-12-13T11:12:00+02:00","acceptedAt":1481620323}""";
        PostAccepted post = ContractJson.read(json.getBytes(StandardCharsets.UTF_8), PostAccepted.class);
        assertEquals(Instant.parse("2016-12-13T09:12:00Z"), post.postedAt());
        assertEquals(Instant.ofEpochSecond(1481620323), post.acceptedAt());
    }
}
