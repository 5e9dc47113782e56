package org.claimline.contracts;

import java.time.Instant;
import java.util.List;

/** What the timeline shows of a placed post, with why it was placed there and its signals. */
public record PostSummary(
        String id,
        String platform,
        String externalId,
        String url,
        ClaimedAuthor author,
        String text,
        String lang,
        Instant postedAt,
        Place place,
        List<MediaFingerprint> media,
        List<String> tags,
        List<String> reasons,
        List<SignalNote> signals) {

    public PostSummary {
        media = media == null ? List.of() : List.copyOf(media);
        tags = tags == null ? List.of() : List.copyOf(tags);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        signals = signals == null ? List.of() : List.copyOf(signals);
    }
}
