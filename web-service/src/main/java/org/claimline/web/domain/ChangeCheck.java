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
            if (change.storyline() != null && blank(change.storyline().id())) {
                return Optional.of("POST_PLACED with a storyline without id");
            }
        }
        if (change.kind() == ChangeKind.EVENTS_MERGED) {
            Optional<String> problem = change.merged() == null ? Optional.of("EVENTS_MERGED without both event ids")
                    : mergeProblem("EVENTS_MERGED", "event", change.merged().fromEventId(),
                            change.merged().intoEventId());
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (change.kind() == ChangeKind.STORYLINES_MERGED) {
            Optional<String> problem = change.storylinesMerged() == null
                    ? Optional.of("STORYLINES_MERGED without both storyline ids")
                    : mergeProblem("STORYLINES_MERGED", "storyline", change.storylinesMerged().fromStorylineId(),
                            change.storylinesMerged().intoStorylineId());
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (change.storyline() != null && blank(change.storyline().id())) {
            return Optional.of("storyline summary without id");
        }
        return Optional.empty();
    }

    /** What is wrong with a merge of {@code from} into {@code into}, if anything. */
    private static Optional<String> mergeProblem(String kind, String what, String from, String into) {
        if (blank(from) || blank(into)) {
            return Optional.of(kind + " without both " + what + " ids");
        }
        if (from.equals(into)) {
            return Optional.of(kind + " of one " + what + " into itself");
        }
        return Optional.empty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
