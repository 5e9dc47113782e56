package org.claimline.claims.domain;

import java.util.List;
import org.claimline.contracts.EventsMerged;
import org.claimline.contracts.SignalNote;
import org.claimline.contracts.StorylinesMerged;

/**
 * Where a {@link Placer} put one post and why, in the words the timeline shows; the service persists it as it is.
 *
 * @param postId the placed post
 * @param eventId its event, after any merge this post caused
 * @param storylineId its storyline inside the event
 * @param reasons readable evidence for the choice, strongest first
 * @param signals hints for verifiers raised by this post
 * @param merges events absorbed into others because this post linked them, in order
 * @param eventTitle the event's current title, or null to keep the stored one
 * @param storylineLabel the storyline's current label, or null to keep the stored one
 * @param corroboration independent voices telling the storyline, or a negative number when the placer does not count them
 * @param storylineMerges storylines of the post's event absorbed by others because this post showed they tell one
 *     claim, in order, after the event merges; {@code storylineId} is already the surviving one
 * @param nearlyJoined when this post started an event that nearly joined another, the pair the placer compares again
 *     later (null otherwise): stored, and given back to a rebuilt placer
 */
public record Placement(
        String postId,
        String eventId,
        String storylineId,
        List<String> reasons,
        List<SignalNote> signals,
        List<EventsMerged> merges,
        String eventTitle,
        String storylineLabel,
        long corroboration,
        List<StorylinesMerged> storylineMerges,
        NearlyJoined nearlyJoined) {

    public static final long NOT_COUNTED = -1;

    public Placement {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        signals = signals == null ? List.of() : List.copyOf(signals);
        merges = merges == null ? List.of() : List.copyOf(merges);
        storylineMerges = storylineMerges == null ? List.of() : List.copyOf(storylineMerges);
    }

    /** A placement that nearly joined nothing. */
    public Placement(String postId, String eventId, String storylineId, List<String> reasons, List<SignalNote> signals,
            List<EventsMerged> merges, String eventTitle, String storylineLabel, long corroboration,
            List<StorylinesMerged> storylineMerges) {
        this(postId, eventId, storylineId, reasons, signals, merges, eventTitle, storylineLabel, corroboration,
                storylineMerges, null);
    }

    /** A placement that merged no storyline (a placer that never merges them). */
    public Placement(String postId, String eventId, String storylineId, List<String> reasons, List<SignalNote> signals,
            List<EventsMerged> merges, String eventTitle, String storylineLabel, long corroboration) {
        this(postId, eventId, storylineId, reasons, signals, merges, eventTitle, storylineLabel, corroboration,
                List.of(), null);
    }
}
