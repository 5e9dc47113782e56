package org.claimline.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimline.contracts.ContractJson;
import org.claimline.tools.corpus.CorpusPost;
import org.claimline.tools.corpus.CorpusReader;
import org.claimline.tools.corpus.IngestPostJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusToIngestTest {

    @TempDir
    Path dir;

    @Test
    void postsAreReadInTimeOrderAndLabelsAreNeverSent() throws Exception {
        Path corpus = Files.writeString(dir.resolve("c.ndjson"), String.join("\n",
                "{\"id\":\"2\",\"event\":\"sandy\",\"story\":\"s1\",\"text\":\"later\","
                        + "\"created_at\":\"2012-10-26T00:00:00Z\",\"author\":\"b\",\"media\":[\"x.jpg\","
                        + "\"http://t.co/abc\"],\"reply_to\":\"1\"}",
                "",
                "{\"id\":\"1\",\"event\":\"sandy\",\"story\":\"s1\",\"text\":\"earlier\",\"lang\":\"en\","
                        + "\"created_at\":\"2012-10-25T21:00:34Z\",\"author\":\"a\",\"lat\":40.7,\"lon\":-74.0,"
                        + "\"place\":\"New York\",\"media\":[]}"));
        List<CorpusPost> posts = CorpusReader.readInTimeOrder(corpus);
        assertEquals(List.of("1", "2"), posts.stream().map(CorpusPost::id).toList());
        assertEquals(List.of("x.jpg"), posts.get(1).mediaFiles(), "URLs cannot be fetched and are left out");

        JsonNode first = ContractJson.mapper().readTree(IngestPostJson.of(posts.get(0), List.of()));
        assertEquals("x", first.path("platform").asText());
        assertEquals("1", first.path("externalId").asText());
        assertEquals("a", first.path("author").path("handle").asText());
        assertEquals(40.7, first.path("place").path("lat").asDouble());
        assertEquals("New York", first.path("place").path("name").asText());
        assertFalse(first.has("event") || first.has("story"), "labels must stay hidden from the system");

        JsonNode second = ContractJson.mapper().readTree(IngestPostJson.of(posts.get(1), List.of("ab12")));
        assertEquals("ab12", second.path("media").path(0).path("sha256").asText());
        assertEquals("1", second.path("inReplyTo").asText());
        assertFalse(second.has("place"));
    }
}
