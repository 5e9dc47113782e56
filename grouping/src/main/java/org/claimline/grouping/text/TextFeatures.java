package org.claimline.grouping.text;

/**
 * A post's text reduced to distinct hashed terms with their kinds and spellings, plus a SimHash of its character
 * 4-grams for near-duplicate detection.
 *
 * @param terms distinct 64-bit term hashes
 * @param kinds the kind of each term
 * @param surfaces the readable spelling of each term (for titles and reasons)
 * @param simHash 64-bit SimHash over character 4-grams of the normalised words
 * @param normalizedLength characters of normalised words the SimHash was computed from
 */
public record TextFeatures(long[] terms, TermKind[] kinds, String[] surfaces, long simHash, int normalizedLength) {

    public int size() {
        return terms.length;
    }
}
