package org.claimline.web.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.claimline.web.repository.PostEntity;

/** A placed post as the API shows it; media, tags, reasons and signals pass through as the JSON they came in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostView(String id, String eventId, String storylineId, String platform, String externalId, String url,
        AuthorView author, String text, String lang, Instant postedAt, PlaceView place,
        @JsonRawValue String media, @JsonRawValue String tags, @JsonRawValue String reasons,
        @JsonRawValue String signals) {

    /** The claimed author. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuthorView(String handle, String displayName) {
    }

    static PostView from(PostEntity p) {
        AuthorView author = p.authorHandle == null && p.authorName == null ? null
                : new AuthorView(p.authorHandle, p.authorName);
        return new PostView(p.id, p.eventId, p.storylineId, p.platform, p.externalId, p.url, author, p.text, p.lang,
                p.postedAt, PlaceView.of(p.placeName, p.lat, p.lon, p.radiusKm), p.mediaJson, p.tagsJson,
                p.reasonsJson, p.signalsJson);
    }
}
