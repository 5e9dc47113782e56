package org.claimline.grouping;

import java.util.List;

/**
 * Where one post went and why, as the timeline shows it.
 *
 * @param postId the placed post
 * @param eventId its event (after any merge this post caused)
 * @param storylineId its storyline inside the event
 * @param newEvent true when this post started the event
 * @param newStoryline true when this post started the storyline
 * @param reasons human-readable evidence for the choice, strongest first
 * @param signals hints for verifiers raised by this post
 * @param merges events absorbed because this post linked them, in order
 * @param eventTitle the event's current short title
 * @param storylineLabel the storyline's current short label
 * @param corroboration independent voices telling the storyline (authors, a copy-paste cluster counted once)
 * @param storylineMerges storylines absorbed because their posts were found to tell one claim, in order (after the
 *     event merges of this placement); {@code storylineId} is already the surviving storyline
 * @param nearlyJoined when this post's new picture started an event that nearly joined an active one: the pair the
 *     engine will compare again (null otherwise); stored, it is given back to {@link GroupingEngine#restoreNearlyJoined}
 */
public record Placement(
        String postId,
        String eventId,
        String storylineId,
        boolean newEvent,
        boolean newStoryline,
        List<String> reasons,
        List<Signal> signals,
        List<EventMerge> merges,
        String eventTitle,
        String storylineLabel,
        int corroboration,
        List<StorylineMerge> storylineMerges,
        NearlyJoined nearlyJoined) {

    /** A placement that nearly joined nothing (the form before the nearly-joined pair was published). */
    public Placement(String postId, String eventId, String storylineId, boolean newEvent, boolean newStoryline,
            List<String> reasons, List<Signal> signals, List<EventMerge> merges, String eventTitle,
            String storylineLabel, int corroboration, List<StorylineMerge> storylineMerges) {
        this(postId, eventId, storylineId, newEvent, newStoryline, reasons, signals, merges, eventTitle,
                storylineLabel, corroboration, storylineMerges, null);
    }

    /** A placement that merged no storyline (the form before storyline merges were published). */
    public Placement(String postId, String eventId, String storylineId, boolean newEvent, boolean newStoryline,
            List<String> reasons, List<Signal> signals, List<EventMerge> merges, String eventTitle,
            String storylineLabel, int corroboration) {
        this(postId, eventId, storylineId, newEvent, newStoryline, reasons, signals, merges, eventTitle,
                storylineLabel, corroboration, List.of(), null);
    }
}
