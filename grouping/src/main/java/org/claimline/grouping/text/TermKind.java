package org.claimline.grouping.text;

/** What a term is, because each kind is evidence of a different strength. */
public enum TermKind {
    WORD('w'),
    /** A function word of some language (Lucene's stop lists): weighted apart, as it rarely says what a post is about. */
    STOP_WORD('s'),
    HASHTAG('#'),
    MENTION('@'),
    URL('u'),
    AUTHOR('a'),
    PLACE_CELL('g');

    private final char prefix;

    TermKind(char prefix) {
        this.prefix = prefix;
    }

    public char prefix() {
        return prefix;
    }
}
