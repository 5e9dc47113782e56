package org.claimline.grouping;

import java.util.HashSet;
import java.util.Set;

/** Posts with near-identical text: counted as one voice, and flagged as copy-paste once enough authors join. */
final class CopyCluster {

    final String firstPostId;
    final long firstAt;
    final long voice;
    final Set<Long> authors = new HashSet<>();

    CopyCluster(String firstPostId, long firstAt, long voice) {
        this.firstPostId = firstPostId;
        this.firstAt = firstAt;
        this.voice = voice;
    }
}
