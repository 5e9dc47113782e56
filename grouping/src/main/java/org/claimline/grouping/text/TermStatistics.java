package org.claimline.grouping.text;

import java.util.Arrays;

/**
 * Document frequencies learned online in a fixed-size count-min sketch, halved periodically, so that IDF follows the
 * current stream in constant memory however many distinct terms pass.
 */
public final class TermStatistics {

    /** The sketch's rows one after another in one array (row r at offset r × width): one indirection less per lookup. */
    private final int[] counts;
    private final int depth;
    private final int widthBits;
    private final int mask;
    private final double priorDocs;
    private final double priorShare;
    private final int halfLifeDocs;
    private double docs;
    /** Scratch: one term's counter per row. */
    private final int[] slots;
    /**
     * The frequencies looked up since the last document, direct-mapped (term, then stamp and count, per slot): between
     * two documents the sketch does not change, and the engine looks an event's terms up several times per post (its
     * centroid's length, fragment merging, its title), each a cache miss per row otherwise. Exact: a stale stamp misses.
     */
    private final long[] memo = new long[2 << MEMO_BITS];
    private int stamp = 1;
    private static final int MEMO_BITS = 12;
    private static final int MEMO_MASK = (1 << MEMO_BITS) - 1;
    private static final long COUNT_MASK = 0xFFFF_FFFFL;

    public TermStatistics(int widthBits, int depth, double priorDocs, int halfLifeDocs) {
        this(widthBits, depth, priorDocs, 0, halfLifeDocs);
    }

    /**
     * @param priorDocs imagined documents added to the collection
     * @param priorShare share of those imagined documents that contain any given term: until enough real documents
     *     have been seen, every term looks moderately common rather than rare
     */
    public TermStatistics(int widthBits, int depth, double priorDocs, double priorShare, int halfLifeDocs) {
        this.counts = new int[depth << widthBits];
        this.depth = depth;
        this.widthBits = widthBits;
        this.mask = (1 << widthBits) - 1;
        this.slots = new int[depth];
        this.priorDocs = priorDocs;
        this.priorShare = priorShare;
        this.halfLifeDocs = halfLifeDocs;
    }

    /** Counts one document containing each of the distinct {@code terms}. */
    public void addDocument(long[] terms) {
        int[] slots = this.slots;
        for (long term : terms) {
            // conservative update: raise only the rows at the minimum, which keeps overestimates of rare terms small
            int min = Integer.MAX_VALUE;
            for (int row = 0; row < depth; row++) {
                slots[row] = index(term, row);
                min = Math.min(min, counts[slots[row]]);
            }
            for (int row = 0; row < depth; row++) {
                if (counts[slots[row]] == min) {
                    counts[slots[row]] = min + 1;
                }
            }
        }
        docs++;
        if (docs >= halfLifeDocs) {
            halve();
        }
        if (++stamp == 0) {
            // after 2^32 documents: stamps would repeat, so the memo starts afresh
            Arrays.fill(memo, 0);
            stamp = 1;
        }
    }

    public int frequency(long term) {
        int at = ((int) (term ^ (term >>> 32)) & MEMO_MASK) << 1;
        long entry = memo[at + 1];
        if (memo[at] == term && (int) (entry >>> Integer.SIZE) == stamp) {
            return (int) (entry & COUNT_MASK);
        }
        int min = Integer.MAX_VALUE;
        for (int row = 0; row < depth; row++) {
            min = Math.min(min, counts[index(term, row)]);
        }
        memo[at] = term;
        memo[at + 1] = (long) stamp << Integer.SIZE | min;
        return min;
    }

    /** Smoothed inverse document frequency, ln((N + prior) / (df + 1 + prior × priorShare)). */
    public double idf(long term) {
        return Math.log((docs + priorDocs) / (frequency(term) + 1.0 + priorDocs * priorShare));
    }

    /** The IDF of a term with the given document frequency (saves a second sketch lookup). */
    public double idfOf(int frequency) {
        return Math.log((docs + priorDocs) / (frequency + 1.0 + priorDocs * priorShare));
    }

    public double documents() {
        return docs;
    }

    private void halve() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] >>>= 1;
        }
        docs /= 2;
    }

    /** The counter of {@code term} in {@code row}, as an offset into {@link #counts}. */
    private int index(long term, int row) {
        long h = Hashing.mix(term + row * 0x9E3779B97F4A7C15L);
        return (row << widthBits) | ((int) h & mask);
    }
}
