package org.claimline.web.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.claimline.contracts.ClaimedAuthor;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostSummary;
import org.claimline.contracts.SignalNote;
import org.junit.jupiter.api.Test;

class PostJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void storedJsonLeavesOutWhatIsUnknownAndKeepsTimesToTheMicrosecond() throws Exception {
        PostSummary post = new PostSummary("p1", "x", null, null, new ClaimedAuthor(null, null), "نص \"quoted\"",
                "ar", Instant.parse("2016-12-13T09:00:00.123456789Z"), new Place(null, null, null, 2.0), null,
                List.of("t"), null, List.of(new SignalNote("copy-paste", "same text as p0", "p0")));
        JsonNode stored = JSON.readTree(PostJson.render(post, "st1"));
        assertEquals(JSON.readTree("""
                {"id":"p1","storylineId":"st1","platform":"x","text":"نص \\"quoted\\"","lang":"ar",
                 "postedAt":"2016-12-13T09:00:00.123456Z","media":[],"tags":["t"],"reasons":[],
                 "signals":[{"type":"copy-paste","reason":"same text as p0","relatedPostId":"p0"}]}
                """), stored);
    }

    @Test
    void theEventIdIsAddedInFrontOfTheStoredFields() throws Exception {
        StringBuilder out = new StringBuilder();
        PostJson.appendWithEvent(out, "\"ev-\\\"1\"", "{\"id\":\"p1\"}");
        assertEquals(JSON.readTree("{\"eventId\":\"ev-\\\"1\",\"id\":\"p1\"}"), JSON.readTree(out.toString()));
        StringBuilder empty = new StringBuilder();
        PostJson.appendWithEvent(empty, "\"ev\"", "{}");
        assertEquals("{\"eventId\":\"ev\"}", empty.toString());
    }
}
