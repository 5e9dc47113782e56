package org.claimline.grouping;

import org.claimline.grouping.util.LongIntMap;

/** Posts with near-identical text: counted as one voice, and flagged as copy-paste once enough authors join. */
final class CopyCluster {

    final String firstPostId;
    final long firstAt;
    final long voice;
    /** Most texts are never copied: the first author costs a field, a set is made only for a second one. */
    private long firstAuthor;
    private LongIntMap otherAuthors;

    CopyCluster(String firstPostId, long firstAt, long voice) {
        this.firstPostId = firstPostId;
        this.firstAt = firstAt;
        this.voice = voice;
    }

    /** Adds a distinct author (0 = unknown, ignored), up to {@code cap} counted. */
    void addAuthor(long author, int cap) {
        if (author == 0 || author == firstAuthor) {
            return;
        }
        if (firstAuthor == 0) {
            firstAuthor = author;
            return;
        }
        if (otherAuthors == null) {
            otherAuthors = new LongIntMap();
        }
        if (otherAuthors.size() + 1 < cap && otherAuthors.get(author) == 0) {
            otherAuthors.add(author, 1);
        }
    }

    int authors() {
        return (firstAuthor != 0 ? 1 : 0) + (otherAuthors == null ? 0 : otherAuthors.size());
    }
}
