package org.claimline.tools.corpus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One line of a corpus file (DESIGN.md section 5); labels and extra fields are read but never sent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CorpusPost(
        String id,
        String text,
        @JsonProperty("created_at") String createdAt,
        String author,
        String lang,
        Double lat,
        Double lon,
        String place,
        List<String> media,
        @JsonProperty("reply_to") String replyTo,
        String platform) {

    public CorpusPost {
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** Media entries that name files beside the corpus; URLs cannot be fetched here and are left out. */
    public List<String> mediaFiles() {
        return media.stream().filter(m -> !m.contains("://")).toList();
    }
}
