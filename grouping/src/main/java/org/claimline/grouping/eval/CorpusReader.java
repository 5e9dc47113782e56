package org.claimline.grouping.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimline.grouping.PostEvidence;
import org.claimline.media.ImageFingerprint;
import org.claimline.media.ImageFingerprinter;
import org.claimline.media.ImageRejectedException;

/**
 * Reads a labeled corpus (DESIGN.md section 5) into posts in {@code created_at} order, fingerprinting each image file
 * once however many posts share it.
 */
public final class CorpusReader {

    private static final String PLATFORM = "corpus";

    private final ObjectMapper json = new ObjectMapper();
    private final ImageFingerprinter fingerprinter = new ImageFingerprinter();
    private final Map<String, PostEvidence.Media> fingerprints = new HashMap<>();
    private int unreadableImages;

    /**
     * @param file the .ndjson corpus
     * @param withMedia false to withhold images from the engine
     */
    public List<CorpusPost> read(Path file, boolean withMedia) throws IOException {
        Path mediaDir = file.toAbsolutePath().getParent().resolve("media");
        List<CorpusPost> posts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                String id = text(n, "id");
                List<PostEvidence.Media> media = new ArrayList<>();
                if (withMedia && n.path("media").isArray()) {
                    for (JsonNode m : n.get("media")) {
                        PostEvidence.Media fingerprint = fingerprint(mediaDir, m.asText());
                        if (fingerprint != null) {
                            media.add(fingerprint);
                        }
                    }
                }
                Double lat = number(n, "lat");
                Double lon = number(n, "lon");
                String placeName = text(n, "place");
                PostEvidence.Place place = lat == null && lon == null && placeName == null ? null
                        : new PostEvidence.Place(lat, lon, null, placeName);
                PostEvidence evidence = new PostEvidence(id, PLATFORM, id, text(n, "author"), text(n, "text"),
                        text(n, "lang"), Instant.parse(text(n, "created_at")), place, media, List.of(),
                        text(n, "reply_to"));
                posts.add(new CorpusPost(evidence, text(n, "event"), text(n, "story")));
            }
        }
        posts.sort(Comparator.comparing(p -> p.evidence().postedAt()));
        return posts;
    }

    /** Image files that could not be fingerprinted (named in the corpus but missing, or not an accepted image). */
    public int unreadableImages() {
        return unreadableImages;
    }

    private PostEvidence.Media fingerprint(Path mediaDir, String name) {
        if (name == null || name.isBlank() || name.contains("://")) {
            return null;
        }
        if (fingerprints.containsKey(name)) {
            return fingerprints.get(name);
        }
        PostEvidence.Media media = null;
        Path path = mediaDir.resolve(name);
        try {
            if (Files.isRegularFile(path)) {
                ImageFingerprint f = fingerprinter.fingerprint(Files.readAllBytes(path));
                media = new PostEvidence.Media(f.sha256(), f.perceptualHash(), f.takenAt(), f.gpsLat(), f.gpsLon());
            }
        } catch (IOException | ImageRejectedException e) {
            media = null;
        }
        if (media == null) {
            unreadableImages++;
        }
        fingerprints.put(name, media);
        return media;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isNumber() && !v.isTextual() ? null : Double.valueOf(v.asText());
    }
}
