package org.claimline.grouping.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The SimHash counted in byte lanes gives the bit-by-bit result, also past the 255 shingles after which lanes flush. */
class SimHashTest {

    /** The plain definition: a bit is set when most shingles' hashes set it. */
    private static long reference(String s) {
        if (s.length() < 4) {
            return 0L;
        }
        int[] v = new int[Long.SIZE];
        for (int i = 0; i + 4 <= s.length(); i++) {
            long h = 0xcbf29ce484222325L;
            for (int j = i; j < i + 4; j++) {
                h = (h ^ s.charAt(j)) * 0x100000001b3L;
            }
            h = Hashing.mix(h);
            for (int bit = 0; bit < Long.SIZE; bit++) {
                v[bit] += (int) ((h >>> bit) & 1L);
            }
        }
        int shingles = s.length() - 3;
        long hash = 0L;
        for (int bit = 0; bit < Long.SIZE; bit++) {
            if (2 * v[bit] > shingles) {
                hash |= 1L << bit;
            }
        }
        return hash;
    }

    @Test
    void matchesTheBitByBitDefinitionForShortAndLongTexts() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            text.append("word").append(i * 7919 % 1000).append(' ');
        }
        String[] samples = {"abc", "abcd", "residents say goodbye to the city", text.toString()};
        for (String sample : samples) {
            assertEquals(reference(sample), TextAnalyzer.simHash(sample), sample.length() + " chars");
        }
    }

    @Test
    void differentTextsGetDifferentHashes() {
        assertNotEquals(TextAnalyzer.simHash("residents say goodbye to the city"),
                TextAnalyzer.simHash("residents celebrate the liberation of the city"));
    }
}
