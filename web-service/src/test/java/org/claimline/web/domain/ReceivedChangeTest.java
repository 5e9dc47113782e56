package org.claimline.web.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.claimline.contracts.ContractJson;
import org.claimline.contracts.TimelineChanged;
import org.claimline.web.support.Timeline;
import org.junit.jupiter.api.Test;

class ReceivedChangeTest {

    private static final TimelineChanged CHANGE = Timeline.placed("ev-1", "st-1", 3, "post-1",
            "Residents say goodbye \u0627\u0644\u0648\u062f\u0627\u0639 <script>alert(1)</script>");

    @Test
    void aCompactRecordIsSentAsItCame() {
        byte[] record = ContractJson.write(CHANGE);
        ReceivedChange received = ReceivedChange.read(record);
        assertEquals(CHANGE, received.change());
        assertEquals(new String(record, StandardCharsets.UTF_8), received.json());
    }

    @Test
    void aPrettyPrintedRecordIsWrittenOnOneLine() throws Exception {
        byte[] pretty = ContractJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(CHANGE);
        assertTrue(new String(pretty, StandardCharsets.UTF_8).contains("\n"), "the record spans lines");
        ReceivedChange received = ReceivedChange.read(pretty);
        assertEquals(CHANGE, received.change());
        assertFalse(received.json().contains("\n") || received.json().contains("\r"), received.json());
        assertEquals(new String(ContractJson.write(CHANGE), StandardCharsets.UTF_8), received.json());
    }

    @Test
    void aRecordThatIsNotAChangeIsRefusedWithItsReason() {
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> ReceivedChange.read("{not json".getBytes(StandardCharsets.UTF_8)));
        assertTrue(broken.getMessage().contains("TimelineChanged"), broken.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReceivedChange.read(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> ReceivedChange.read(null));
    }

    @Test
    void aChangeMadeHereIsWrittenOnce() {
        ReceivedChange made = ReceivedChange.of(CHANGE);
        assertSame(CHANGE, made.change());
        assertEquals(new String(ContractJson.write(CHANGE), StandardCharsets.UTF_8), made.json());
    }
}
