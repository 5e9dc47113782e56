package org.claimline.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.claimline.contracts.kafka.ContractSerializer;
import org.claimline.contracts.kafka.PostAcceptedDeserializer;
import org.claimline.contracts.kafka.TimelineChangedDeserializer;
import org.junit.jupiter.api.Test;

class ContractJsonTest {

    private static final Instant POSTED = Instant.parse("2016-12-13T09:12:00Z");

    static PostAccepted aleppoPost() {
        return new PostAccepted(PostAccepted.SCHEMA_VERSION, "p-1", "x", "806835219191648256",
                "https://x.com/salah_ashkar/status/806835219191648256",
                new ClaimedAuthor("@salah_ashkar", "Salah Ashkar"),
                "At home waiting for the inevitable fate… حلب", "en", POSTED, POSTED.plusSeconds(3),
                new Place("East Aleppo, Syria", 36.20, 37.17, 5.0),
                List.of(new MediaFingerprint("ab12", "image/jpeg", 2048, 640, 480, "f0f0f0f0f0f0f0f0",
                        POSTED.minusSeconds(60), 36.21, 37.16, "Canon EOS")),
                List.of("aleppo"), null);
    }

    @Test
    void postAcceptedRoundTripsThroughKafkaSerdes() {
        PostAccepted post = aleppoPost();
        byte[] bytes = new ContractSerializer<PostAccepted>().serialize("t", post);
        assertEquals(post, new PostAcceptedDeserializer().deserialize("t", bytes));
    }

    @Test
    void timesAreWrittenAsIsoStrings() {
        String json = new String(ContractJson.write(aleppoPost()), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"postedAt\":\"2016-12-13T09:12:00Z\""), json);
        assertTrue(json.contains("\"schemaVersion\":1"), json);
    }

    @Test
    void timelineChangeRoundTrips() {
        PostAccepted p = aleppoPost();
        TimelineChanged change = new TimelineChanged(TimelineChanged.SCHEMA_VERSION, ChangeKind.POST_PLACED, "e-1", 7,
                POSTED, new EventSummary("e-1", "Aleppo evacuation", p.place(), POSTED, POSTED, 3, 2, 1, "live"),
                new StorylineSummary("s-1", "e-1", "goodbye, executed", "p-1", POSTED, POSTED, 3, 2, 2),
                new PostSummary(p.id(), p.platform(), p.externalId(), p.url(), p.author(), p.text(), p.lang(),
                        p.postedAt(), p.place(), p.media(), p.tags(), List.of("2 km, 14 min"),
                        List.of(new SignalNote("first-report", "earliest post of the storyline", null))),
                null, null, null);
        byte[] bytes = ContractJson.write(change);
        assertEquals(change, new TimelineChangedDeserializer().deserialize("t", bytes));
    }

    @Test
    void storylineMergeRoundTripsAndAnOlderRecordHasNone() {
        TimelineChanged change = new TimelineChanged(TimelineChanged.SCHEMA_VERSION, ChangeKind.STORYLINES_MERGED,
                "e-1", 8, POSTED, null,
                new StorylineSummary("s-1", "e-1", "goodbye, executed", "p-1", POSTED, POSTED, 5, 4, 4), null, null,
                null, new StorylinesMerged("s-2", "s-1"));
        byte[] bytes = ContractJson.write(change);
        assertTrue(new String(bytes, StandardCharsets.UTF_8)
                .contains("\"storylinesMerged\":{\"fromStorylineId\":\"s-2\",\"intoStorylineId\":\"s-1\"}"));
        assertEquals(change, new TimelineChangedDeserializer().deserialize("t", bytes));
        String older = "{\"schemaVersion\":1,\"kind\":\"POST_PLACED\",\"eventId\":\"e-1\",\"sequence\":3}";
        assertNull(new TimelineChangedDeserializer().deserialize("t", older.getBytes(StandardCharsets.UTF_8))
                .storylinesMerged());
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String json = "{\"schemaVersion\":2,\"id\":\"p-9\",\"platform\":\"x\",\"futureField\":{\"a\":1},"
                + "\"postedAt\":\"2016-12-13T09:12:00Z\"}";
        PostAccepted post = new PostAcceptedDeserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8));
        assertEquals("p-9", post.id());
        assertEquals(List.of(), post.media());
    }

    @Test
    void unknownChangeKindIsReadAsUnknown() {
        String json = "{\"schemaVersion\":1,\"kind\":\"STORYLINE_SPLIT\",\"eventId\":\"e-1\",\"sequence\":3}";
        TimelineChanged change = new TimelineChangedDeserializer().deserialize("t",
                json.getBytes(StandardCharsets.UTF_8));
        assertEquals(ChangeKind.UNKNOWN, change.kind());
        assertEquals(3, change.sequence());
    }

    @Test
    void garbageFailsWithSerializationException() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        SerializationException e = assertThrows(SerializationException.class,
                () -> new PostAcceptedDeserializer().deserialize("t", garbage));
        assertTrue(e.getMessage().contains("PostAccepted"), e.getMessage());
    }
}
