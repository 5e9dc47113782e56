package org.claimline.web.domain;

import java.util.Optional;
import org.claimline.contracts.ChangeKind;
import org.claimline.contracts.TimelineChanged;

/**
 * Decides whether a timeline change can be applied at all; one that cannot is a poison record for the DLQ, caught
 * here before it could fail a whole batch in the database.
 */
public final class ChangeCheck {

    private static final String NUL_ESCAPE = "\\u0000";

    private ChangeCheck() {
    }

    /** Whether the change names an event and a usable sequence, so that it can at least be ordered. */
    public static boolean orderable(TimelineChanged change) {
        return change != null && change.eventId() != null && !change.eventId().isBlank() && change.sequence() >= 0;
    }

    /** Why the change cannot be applied, or empty when it can; {@code json} is the change as JSON. */
    public static Optional<String> problem(TimelineChanged change, String json) {
        if (!orderable(change)) {
            return Optional.of("change has no event id or a negative sequence");
        }
        if (json.contains(NUL_ESCAPE)) {
            return Optional.of("change contains the character U+0000, which PostgreSQL text cannot hold");
        }
        if (change.event() != null && !change.eventId().equals(change.event().id())) {
            return Optional.of("event summary id differs from the change's event id");
        }
        if (change.kind() == ChangeKind.POST_PLACED) {
            if (change.post() == null || blank(change.post().id())) {
                return Optional.of("POST_PLACED without a post id");
            }
            if (change.kind() == ChangeKind.STORYLINES_MERGED) {
            if (change.storylinesMerged() == null || blank(change.storylinesMerged().fromStorylineId())
                    || blank(change.storylinesMerged().intoStorylineId())) {
                return Optional.of("STORYLINES_MERGED without both storyline ids");
            }
            if (change.storylinesMerged().fromStorylineId().equals(change.storylinesMerged().intoStorylineId())) {
                return Optional.of("STORYLINES_MERGED of a storyline into itself");
            }
        }
        if (change.storyline() != null && blank(change.storyline().id())) {
                return Optional.of("POST_PLACED with a storyline without id");
            }
        }
        if (change.kind() == ChangeKind.EVENTS_MERGED) {
            if (change.merged() == null || blank(change.merged().fromEventId()) || blank(change.merged().intoEventId())) {
                return Optional.of("EVENTS_MERGED without both event ids");
            }
            if (change.merged().fromEventId().equals(change.merged().intoEventId())) {
                return Optional.of("EVENTS_MERGED of an event into itself");
            }
        }
        if (change.kind() == ChangeKind.STORYLINES_MERGED) {
            if (change.storylinesMerged() == null || blank(change.storylinesMerged().fromStorylineId())
                    || blank(change.storylinesMerged().intoStorylineId())) {
                return Optional.of("STORYLINES_MERGED without both storyline ids");
            }
            if (change.storylinesMerged().fromStorylineId().equals(change.storylinesMerged().intoStorylineId())) {
                return Optional.of("STORYLINES_MERGED of a storyline into itself");
            }
        }
        if (change.storyline() != null && blank(change.storyline().id())) {
            return Optional.of("storyline summary without id");
        }
        return Optional.empty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
