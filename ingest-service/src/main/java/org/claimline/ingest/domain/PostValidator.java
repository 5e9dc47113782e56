package org.claimline.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.claimline.contracts.ClaimedAuthor;
import org.claimline.contracts.IsoInstant;
import org.claimline.contracts.Place;

/**
 * Checks one post given as a JSON tree and turns it into a {@link PostSubmission}, or refuses it with a
 * {@link ProblemException} naming the first offending field (dotted path, e.g. {@code place.lat}, {@code tags[2]}).
 */
public final class PostValidator {

    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern LANG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int SHA256_HEX_CHARS = 64;
    private static final double MAX_LAT = 90.0;
    private static final double MAX_LON = 180.0;

    private final PostLimits limits;
    private final Clock clock;

    public PostValidator(PostLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public PostSubmission validate(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, null, "the body must be one JSON object (a post)");
        }
        String platform = requiredString(root, "platform", limits.maxPlatformChars());
        platform = platform.toLowerCase(Locale.ROOT);
        if (!PLATFORM.matcher(platform).matches()) {
            throw ProblemException.invalid("platform",
                    "platform must be letters, digits, '.', '_' or '-' (e.g. \"x\", \"facebook\", \"telegram\")");
        }
        String externalId = requiredString(root, "externalId", limits.maxExternalIdChars());
        if (externalId.isBlank()) {
            throw ProblemException.invalid("externalId", "externalId must not be blank");
        }
        String url = optionalString(root, "url", limits.maxUrlChars());
        if (url != null) {
            checkHttpUrl(url);
        }
        ClaimedAuthor author = author(root.get("author"));
        String text = optionalString(root, "text", limits.maxTextChars());
        String lang = optionalString(root, "lang", limits.maxLangChars());
        if (lang != null && !LANG.matcher(lang).matches()) {
            throw ProblemException.invalid("lang", "lang must be a BCP 47 language tag such as \"en\" or \"ar-SY\"");
        }
        Instant postedAt = postedAt(root.get("postedAt"));
        Place place = place(root.get("place"));
        List<String> media = media(root.get("media"));
        List<String> tags = tags(root.get("tags"));
        String inReplyTo = optionalString(root, "inReplyTo", limits.maxExternalIdChars());
        if ((text == null || text.isBlank()) && media.isEmpty()) {
            throw ProblemException.invalid("text", "a post needs text or at least one media item");
        }
        return new PostSubmission(platform, externalId, url, author, text, lang, postedAt, place, media, tags,
                inReplyTo);
    }

    private String requiredString(JsonNode root, String field, int maxChars) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ProblemException.invalid(field, field + " is required");
        }
        return string(node, field, maxChars);
    }

    private String optionalString(JsonNode parent, String field, int maxChars) {
        return optionalString(parent, field, field, maxChars);
    }

    private String optionalString(JsonNode parent, String name, String path, int maxChars) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        return string(node, path, maxChars);
    }

    private static String string(JsonNode node, String path, int maxChars) {
        if (!node.isTextual()) {
            throw ProblemException.invalid(path, path + " must be a string, not " + kind(node));
        }
        String value = node.textValue();
        TextRules.check(value, path);
        if (value.codePointCount(0, value.length()) > maxChars) {
            throw ProblemException.invalid(path, path + " is longer than " + maxChars + " characters");
        }
        return value;
    }

    private void checkHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw ProblemException.invalid("url", "url must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("url", "url is not a valid URL: " + e.getReason());
        }
    }

    private ClaimedAuthor author(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ProblemException.invalid("author", "author must be an object, not " + kind(node));
        }
        String handle = optionalString(node, "handle", "author.handle", limits.maxNameChars());
        String displayName = optionalString(node, "displayName", "author.displayName", limits.maxNameChars());
        return handle == null && displayName == null ? null : new ClaimedAuthor(handle, displayName);
    }

    private Instant postedAt(JsonNode node) {
        if (node == null || node.isNull()) {
            throw ProblemException.invalid("postedAt", "postedAt is required");
        }
        String value = string(node, "postedAt", limits.maxLangChars());
        Instant instant;
        try {
            instant = IsoInstant.parse(value);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("postedAt",
                    "postedAt must be an ISO-8601 time with an offset, e.g. 2016-12-13T09:12:00Z");
        }
        if (instant.isBefore(limits.earliestPostedAt())) {
            throw ProblemException.invalid("postedAt", "postedAt is before " + limits.earliestPostedAt());
        }
        if (instant.isAfter(clock.instant().plus(limits.maxClockSkew()))) {
            throw ProblemException.invalid("postedAt", "postedAt is in the future");
        }
        return instant;
    }

    private Place place(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ProblemException.invalid("place", "place must be an object, not " + kind(node));
        }
        String name = optionalString(node, "name", "place.name", limits.maxNameChars());
        Double lat = number(node.get("lat"), "place.lat", -MAX_LAT, MAX_LAT);
        Double lon = number(node.get("lon"), "place.lon", -MAX_LON, MAX_LON);
        Double radiusKm = number(node.get("radiusKm"), "place.radiusKm", 0.0, limits.maxRadiusKm());
        if ((lat == null) != (lon == null)) {
            throw ProblemException.invalid(lat == null ? "place.lat" : "place.lon",
                    "place needs both lat and lon, or neither");
        }
        if (radiusKm != null && lat == null) {
            throw ProblemException.invalid("place.radiusKm", "place.radiusKm needs lat and lon");
        }
        if (name == null && lat == null) {
            return null;
        }
        return new Place(name, lat, lon, radiusKm);
    }

    private static Double number(JsonNode node, String path, double min, double max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw ProblemException.invalid(path, path + " must be a number, not " + kind(node));
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value) || value < min || value > max) {
            throw ProblemException.invalid(path, path + " must be between " + min + " and " + max);
        }
        return value;
    }

    private List<String> media(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ProblemException.invalid("media", "media must be an array, not " + kind(node));
        }
        if (node.size() > limits.maxMedia()) {
            throw ProblemException.invalid("media", "a post may carry at most " + limits.maxMedia() + " media items");
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String path = "media[" + i + "]";
            if (!item.isObject()) {
                throw ProblemException.invalid(path, path + " must be an object like {\"sha256\": \"...\"}");
            }
            JsonNode sha = item.get("sha256");
            if (sha == null || sha.isNull()) {
                throw ProblemException.invalid(path + ".sha256", path + ".sha256 is required");
            }
            String value = string(sha, path + ".sha256", SHA256_HEX_CHARS);
            if (!SHA256.matcher(value).matches()) {
                throw ProblemException.invalid(path + ".sha256", "sha256 must be 64 lower-case hex characters");
            }
            if (seen.add(value)) {
                out.add(value);
            }
        }
        return out;
    }

    private List<String> tags(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ProblemException.invalid("tags", "tags must be an array of strings, not " + kind(node));
        }
        if (node.size() > limits.maxTags()) {
            throw ProblemException.invalid("tags", "a post may carry at most " + limits.maxTags() + " tags");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String tag = string(node.get(i), "tags[" + i + "]", limits.maxTagChars());
            if (tag.isBlank()) {
                throw ProblemException.invalid("tags[" + i + "]", "a tag must not be blank");
            }
            out.add(tag);
        }
        return out;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> "null";
        };
    }
}
