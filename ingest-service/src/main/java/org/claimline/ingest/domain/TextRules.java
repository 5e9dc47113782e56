package org.claimline.ingest.domain;

/**
 * Refuses text that would poison a store downstream: PostgreSQL rejects U+0000 outright and stores a lone UTF-16
 * surrogate as '?', so either would become a record no consumer can write.
 */
public final class TextRules {

    private TextRules() {
    }

    public static void check(String value, String field) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw ProblemException.invalid(field, field + " contains U+0000 (NUL), which is not accepted");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw ProblemException.invalid(field, field + " contains a lone UTF-16 surrogate");
            }
            if (Character.isLowSurrogate(c)) {
                throw ProblemException.invalid(field, field + " contains a lone UTF-16 surrogate");
            }
        }
    }
}
