package org.claimline.claims.domain;

import org.claimline.contracts.PostAccepted;

/**
 * Decides the event and storyline of each post in arrival order, keeping its hot state in memory; one thread calls it.
 * The simple place-and-time rule and the grouping engine both sit behind it, so the service never knows which one runs.
 */
public interface Placer {

    /** Places a post never seen before and remembers it. */
    Placement place(PostAccepted post);

    /** Remembers a post placed earlier (replayed from the database at start-up) without deciding anything. */
    void restore(PostAccepted post, String eventId, String storylineId);

    /**
     * Gives back, after the replay, a pair an earlier placement reported in {@link Placement#nearlyJoined()}; pairs come
     * in order of due time. A placer that keeps no such memory ignores it.
     */
    default void restoreNearlyJoined(NearlyJoined pair) {
    }

    /**
     * Events held in memory that a post can still join on its words (the hot set); read by the metrics thread while the
     * consumer places, so a count a batch old is fine.
     */
    int hotEvents();

    /** A short name for logs and metrics. */
    String name();
}
