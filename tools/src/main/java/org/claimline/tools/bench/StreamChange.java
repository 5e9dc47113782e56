package org.claimline.tools.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.claimline.contracts.ContractJson;

/**
 * The three fields bench needs from a timeline change on the SSE stream: its event, the post it placed and the event a
 * merge absorbed. Read with a streaming parser that skips everything else: the client shares the machine with the
 * stack it measures, and building a whole tree of every ~2 KB change was most of its CPU per post.
 */
public record StreamChange(String eventId, String postId, String absorbedEventId) {

    /** The change's fields, or null when {@code json} is not a JSON object. */
    public static StreamChange parse(String json) {
        try (JsonParser parser = ContractJson.mapper().getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String eventId = null;
            String postId = null;
            String topPostId = null;
            String absorbed = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "eventId" -> eventId = text(parser, value);
                    case "postId" -> topPostId = text(parser, value);
                    case "post" -> postId = field(parser, value, "id");
                    case "merged" -> absorbed = field(parser, value, "fromEventId");
                    default -> parser.skipChildren();
                }
            }
            return new StreamChange(eventId, postId != null ? postId : topPostId, absorbed);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_STRING ? parser.getText() : null;
    }

    /** The string field {@code name} of the object the parser stands at (skipped whole either way). */
    private static String field(JsonParser parser, JsonToken value, String name) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String found = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken inner = parser.nextToken();
            if (name.equals(field) && inner == JsonToken.VALUE_STRING) {
                found = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }
}
