package org.claimline.ingest.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Parses untrusted post JSON into a tree with tight limits (nesting depth, string and number length, duplicate keys,
 * trailing garbage), so that a nesting bomb or an ambiguous document is refused as malformed before any work is done.
 */
public final class PostJson {

    /** A post is three levels deep (post, place, media item); anything far deeper is an attack, not a post. */
    public static final int MAX_NESTING_DEPTH = 16;
    private static final int MAX_STRING_LENGTH = 1 << 20;
    private static final int MAX_NUMBER_LENGTH = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PostJson() {
    }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, null, "the request body is empty");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, null, "the request body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, null, "malformed JSON: " + describe(e));
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, null, "malformed JSON: unreadable body");
        }
    }

    /** The parser's reason and position, without the echo of the input that Jackson appends. */
    private static String describe(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        if (reason != null && reason.length() > 200) {
            reason = reason.substring(0, 200) + "...";
        }
        if (e.getLocation() != null) {
            return reason + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return reason;
    }
}
