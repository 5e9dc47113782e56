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
     * Frequencies already looked up since the last document was counted, direct-mapped by term: between two documents
     * the same terms are looked up many times (a post's terms, the centroids, titles and labels of the events it touches),
     * and a small table stays in cache where the sketch's rows cost a cache miss each.
     */
    private final long[] memoTerms = new long[MEMO_SLOTS];
    private final int[] memoFrequencies = new int[MEMO_SLOTS];
    private final int[] memoStamps = new int[MEMO_SLOTS];
    /** Changes whenever a count changes; a memo entry is valid only under the stamp it was made with. */
    private int stamp = 1;
    private static final int MEMO_SLOTS = 1 << 12;

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
        invalidateMemo();
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
    }

    public int frequency(long term) {
        int m = (int) (term ^ term >>> Integer.SIZE) & (MEMO_SLOTS - 1);
        if (memoStamps[m] == stamp && memoTerms[m] == term) {
            return memoFrequencies[m];
        }
        int min = Integer.MAX_VALUE;
        for (int row = 0; row < depth; row++) {
            min = Math.min(min, counts[index(term, row)]);
        }
        memoTerms[m] = term;
        memoFrequencies[m] = min;
        memoStamps[m] = stamp;
        return min;
    }

    private void invalidateMemo() {
        if (++stamp == 0) {
            // after 2^32 documents the stamp comes round again: forget every entry rather than trust an ancient one
            Arrays.fill(memoStamps, 0);
            stamp = 1;
        }
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
        invalidateMemo();
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
