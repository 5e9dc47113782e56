package org.claimline.web.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A placed post as the API shows it (the documented schema of a timeline page): the page itself is the JSON that
 * the write side rendered once per post ({@code repository/PostJson}), which carries exactly these fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostView(String id, String eventId, String storylineId, String platform, String externalId, String url,
        AuthorView author, String text, String lang, Instant postedAt, PlaceView place, List<Object> media,
        List<String> tags, List<String> reasons, List<Object> signals) {

    /** The claimed author. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuthorView(String handle, String displayName) {
    }

    /** One page of a timeline and the cursor of the next page (null on the last page). */
    public record Page(List<PostView> items, String nextCursor) {
    }
}
