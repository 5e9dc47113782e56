package org.claimline.claims.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.claimline.contracts.MediaFingerprint;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostAccepted;

/**
 * Checks that an accepted post can be placed and stored: the fields claims needs are there, coordinates are on the
 * globe, and no text holds what PostgreSQL refuses (U+0000) or would store as garbage (a lone surrogate). A post that
 * fails is a poison record: it goes to the dead-letter topic instead of stopping the consumer.
 */
public final class PostValidator {

    private static final double MAX_LAT = 90;
    private static final double MAX_LON = 180;

    private final int maxIdLength;

    public PostValidator(int maxIdLength) {
        this.maxIdLength = maxIdLength;
    }

    /** The first problem found, or empty when the post is fine. */
    public Optional<Violation> check(PostAccepted post) {
        if (post == null) {
            return Optional.of(new Violation("value", "empty record"));
        }
        if (post.id() == null || post.id().isBlank()) {
            return Optional.of(new Violation("id", "is missing"));
        }
        if (post.id().length() > maxIdLength) {
            return Optional.of(new Violation("id", "is longer than " + maxIdLength + " characters"));
        }
        if (post.postedAt() == null) {
            return Optional.of(new Violation("postedAt", "is missing"));
        }
        Optional<Violation> text = firstBadText(post);
        if (text.isPresent()) {
            return text;
        }
        return checkPlace("place", post.place());
    }

    private static Optional<Violation> checkPlace(String field, Place place) {
        if (place == null) {
            return Optional.empty();
        }
        if ((place.lat() == null) != (place.lon() == null)) {
            return Optional.of(new Violation(field + ".lat", "latitude and longitude come together"));
        }
        if (place.lat() != null && !(Math.abs(place.lat()) <= MAX_LAT)) {
            return Optional.of(new Violation(field + ".lat", "is not between -90 and 90"));
        }
        if (place.lon() != null && !(Math.abs(place.lon()) <= MAX_LON)) {
            return Optional.of(new Violation(field + ".lon", "is not between -180 and 180"));
        }
        if (place.radiusKm() != null && !(place.radiusKm() >= 0)) {
            return Optional.of(new Violation(field + ".radiusKm", "is negative"));
        }
        return Optional.empty();
    }

    private static Optional<Violation> firstBadText(PostAccepted post) {
        List<Field> fields = new ArrayList<>(List.of(
                new Field("id", post.id()), new Field("platform", post.platform()),
                new Field("externalId", post.externalId()), new Field("url", post.url()),
                new Field("text", post.text()), new Field("lang", post.lang()),
                new Field("inReplyTo", post.inReplyTo())));
        if (post.author() != null) {
            fields.add(new Field("author.handle", post.author().handle()));
            fields.add(new Field("author.displayName", post.author().displayName()));
        }
        if (post.place() != null) {
            fields.add(new Field("place.name", post.place().name()));
        }
        for (int i = 0; i < post.tags().size(); i++) {
            fields.add(new Field("tags[" + i + "]", post.tags().get(i)));
        }
        for (int i = 0; i < post.media().size(); i++) {
            MediaFingerprint m = post.media().get(i);
            if (m == null) {
                return Optional.of(new Violation("media[" + i + "]", "is empty"));
            }
            fields.add(new Field("media[" + i + "].sha256", m.sha256()));
            fields.add(new Field("media[" + i + "].mime", m.mime()));
            fields.add(new Field("media[" + i + "].perceptualHash", m.perceptualHash()));
            fields.add(new Field("media[" + i + "].camera", m.camera()));
        }
        for (Field f : fields) {
            String problem = textProblem(f.value());
            if (problem != null) {
                return Optional.of(new Violation(f.name(), problem));
            }
        }
        return Optional.empty();
    }

    /** Why a text cannot be stored, or null. */
    static String textProblem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "contains U+0000";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains a lone surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains a lone surrogate";
            }
        }
        return null;
    }

    /** One thing wrong with a post: the field at fault and what is wrong with it. */
    public record Violation(String field, String message) {

        @Override
        public String toString() {
            return field + " " + message;
        }
    }

    private record Field(String name, String value) {
    }
}
