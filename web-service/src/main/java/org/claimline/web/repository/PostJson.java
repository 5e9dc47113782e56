package org.claimline.web.repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.claimline.contracts.ClaimedAuthor;
import org.claimline.contracts.ContractJson;
import org.claimline.contracts.MediaFingerprint;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostSummary;
import org.claimline.contracts.SignalNote;

/**
 * A placed post rendered once, at write time, as the timeline API shows it (without {@code eventId}, which a merge
 * changes and the page adds), so that reading a page needs neither entity hydration nor rendering per read.
 */
public final class PostJson {

    private PostJson() {
    }

    /** The API's fields in the API's order; absent parts are left out. */
    record Stored(String id, String storylineId, String platform, String externalId, String url,
            ClaimedAuthor author, String text, String lang, Instant postedAt, Place place,
            List<MediaFingerprint> media, List<String> tags, List<String> reasons, List<SignalNote> signals) {
    }

    /** The post's API JSON as stored in {@code posts.api_json}. */
    public static String render(PostSummary post, String storylineId) {
        ClaimedAuthor author = post.author() == null
                || post.author().handle() == null && post.author().displayName() == null ? null : post.author();
        Place place = post.place();
        if (place != null && place.name() == null && place.lat() == null && place.lon() == null) {
            place = null;
        }
        // the timeline shows times as the database keeps them: to the microsecond
        Instant postedAt = post.postedAt() == null ? null : post.postedAt().truncatedTo(ChronoUnit.MICROS);
        Stored stored = new Stored(post.id(), storylineId, post.platform(), post.externalId(), post.url(), author,
                post.text(), post.lang(), postedAt, place, post.media(), post.tags(), post.reasons(),
                post.signals());
        return new String(ContractJson.write(stored), StandardCharsets.UTF_8);
    }

    /** The stored JSON with the event it is shown in: {@code {"eventId":"...",} + the stored fields}. */
    public static void appendWithEvent(StringBuilder out, String quotedEventId, String stored) {
        out.append("{\"eventId\":").append(quotedEventId);
        if (stored.length() > 2) {
            out.append(',');
        }
        out.append(stored, 1, stored.length());
    }
}
