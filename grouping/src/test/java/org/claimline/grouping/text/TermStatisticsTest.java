package org.claimline.grouping.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TermStatisticsTest {

    @Test
    void aFrequencyLookedUpBeforeADocumentIsNotServedStaleAfterIt() {
        TermStatistics stats = new TermStatistics(10, 3, 50, 1_000);
        long term = Hashing.term('w', "evacuation");
        assertEquals(0, stats.frequency(term));
        stats.addDocument(new long[] {term});
        assertEquals(1, stats.frequency(term));
        assertEquals(1, stats.frequency(term));
        stats.addDocument(new long[] {term, Hashing.term('w', "aleppo")});
        assertEquals(2, stats.frequency(term));
    }

    @Test
    void rememberedFrequenciesEqualTheSketchsOwnThroughHalvings() {
        // one sketch looked up between documents (its memo in use), one looked up only after each document anew
        TermStatistics looked = new TermStatistics(8, 3, 50, 300);
        TermStatistics fresh = new TermStatistics(8, 3, 50, 300);
        SplittableRandom random = new SplittableRandom(7);
        long[] vocabulary = new long[2_000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = Hashing.term('w', "word" + i);
        }
        for (int doc = 0; doc < 2_000; doc++) {
            long[] terms = new long[1 + random.nextInt(12)];
            for (int k = 0; k < terms.length; k++) {
                terms[k] = vocabulary[random.nextInt(vocabulary.length)];
            }
            for (long t : terms) {
                looked.frequency(t);
            }
            looked.addDocument(terms);
            fresh.addDocument(terms);
            for (int k = 0; k < 20; k++) {
                long t = vocabulary[random.nextInt(vocabulary.length)];
                assertEquals(fresh.idf(t), looked.idf(t), "document " + doc);
                assertEquals(looked.frequency(t), looked.frequency(t));
            }
        }
    }
}
