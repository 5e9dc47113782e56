package org.claimline.tools.corpus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.claimline.contracts.ContractJson;

/** Turns a corpus line into the JSON body of {@code POST /api/v1/posts}. */
public final class IngestPostJson {

    /** Corpus files come from X/Twitter unless a line says otherwise. */
    public static final String DEFAULT_PLATFORM = "x";

    private IngestPostJson() {
    }

    public static byte[] of(CorpusPost post, List<String> mediaSha256) {
        ObjectNode body = ContractJson.mapper().createObjectNode();
        body.put("platform", post.platform() != null ? post.platform() : DEFAULT_PLATFORM);
        body.put("externalId", post.id());
        if (post.author() != null) {
            body.putObject("author").put("handle", post.author());
        }
        if (post.text() != null) {
            body.put("text", post.text());
        }
        if (post.lang() != null) {
            body.put("lang", post.lang());
        }
        body.put("postedAt", post.createdAt());
        if (post.place() != null || post.lat() != null) {
            ObjectNode place = body.putObject("place");
            if (post.place() != null) {
                place.put("name", post.place());
            }
            if (post.lat() != null && post.lon() != null) {
                place.put("lat", post.lat());
                place.put("lon", post.lon());
            }
        }
        if (!mediaSha256.isEmpty()) {
            ArrayNode media = body.putArray("media");
            mediaSha256.forEach(sha -> media.addObject().put("sha256", sha));
        }
        if (post.replyTo() != null) {
            body.put("inReplyTo", post.replyTo());
        }
        return ContractJson.write(body);
    }
}
