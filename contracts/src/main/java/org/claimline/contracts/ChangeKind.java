package org.claimline.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What a {@link TimelineChanged} record tells; consumers ignore kinds they do not know (additive changes only). */
public enum ChangeKind {
    POST_PLACED,
    EVENT_UPDATED,
    STORYLINE_UPDATED,
    EVENTS_MERGED,
    STORYLINES_MERGED,
    ASSESSMENT_MADE,
    UNKNOWN;

    /** Reads a kind written by a newer producer without failing. */
    @JsonCreator
    public static ChangeKind of(String value) {
        for (ChangeKind kind : values()) {
            if (kind.name().equals(value)) {
                return kind;
            }
        }
        return UNKNOWN;
    }
}
