package org.claimline.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StreamChangeTest {

    @Test
    void aPlacedPostGivesItsEventAndItsOwnIdNotTheIdsOfTheSummariesAroundIt() {
        StreamChange change = StreamChange.parse("{\"feedId\":7,\"kind\":\"POST_PLACED\",\"eventId\":\"e1\","
                + "\"sequence\":3,\"event\":{\"id\":\"e1\",\"title\":\"Aleppo\",\"place\":{\"name\":\"x\"}},"
                + "\"storyline\":{\"id\":\"s1\",\"eventId\":\"e1\"},"
                + "\"post\":{\"author\":{\"handle\":\"a\"},\"media\":[{\"id\":\"m\"}],\"id\":\"p9\",\"text\":\"t\"}}");
        assertEquals(new StreamChange("e1", "p9", null), change);
    }

    @Test
    void aMergeNamesTheAbsorbedEvent() {
        StreamChange change = StreamChange.parse("{\"kind\":\"EVENTS_MERGED\",\"eventId\":\"b\",\"sequence\":4,"
                + "\"merged\":{\"intoEventId\":\"b\",\"fromEventId\":\"a\"}}");
        assertEquals(new StreamChange("b", null, "a"), change);
    }

    @Test
    void aTopLevelPostIdCountsWhenThereIsNoPostSummary() {
        assertEquals("p1", StreamChange.parse("{\"eventId\":\"e\",\"postId\":\"p1\"}").postId());
        assertEquals("p2", StreamChange.parse("{\"postId\":\"p1\",\"post\":{\"id\":\"p2\"}}").postId());
    }

    @Test
    void somethingElseThanAnObjectIsNothing() {
        assertNull(StreamChange.parse("[1,2]"));
        assertNull(StreamChange.parse("not json"));
        assertEquals(new StreamChange(null, null, null), StreamChange.parse("{\"post\":null,\"eventId\":5}"));
    }
}
