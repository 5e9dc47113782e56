package org.claimline.web.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeysetTest {

    @Test
    void roundTripsTimeAndIdEvenWithTheSeparatorInTheId() {
        Keyset keyset = new Keyset(Instant.parse("2016-12-13T09:12:00.123456789Z"), "p|1/é");
        Keyset read = Keyset.decode(keyset.encode());
        assertEquals(Instant.parse("2016-12-13T09:12:00.123456Z"), read.at());
        assertEquals("p|1/é", read.id());
    }

    @Test
    void foreignTokensAreRejectedNamingTheCursor() {
        for (String token : new String[] {"x", "%%%", "MTIz", "YWJjfGlk", ""}) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Keyset.decode(token));
            assertEquals("cursor", e.field());
        }
    }
}
