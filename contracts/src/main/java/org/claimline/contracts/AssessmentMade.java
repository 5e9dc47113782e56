package org.claimline.contracts;

import java.time.Instant;

/** An editor's judgement on a post or a storyline, kept with who made it and when. */
public record AssessmentMade(
        String postId,
        String storylineId,
        String verdict,
        String note,
        String editor,
        Instant madeAt) {
}
