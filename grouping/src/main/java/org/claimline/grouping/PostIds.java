package org.claimline.grouping;

/**
 * Post ids kept by number in arrays allocated at their capacity: a UUID in its canonical form (claims-service's ids) as
 * its 128 bits, an ASCII id of up to 18 characters packed 7 bits a character, and only any other id as its String, so
 * that an index of hundreds of thousands of first posts costs the same from the start; an id read back is equal to the
 * one stored.
 */
final class PostIds {

    private static final byte EMPTY = 0;
    private static final byte UUID = 1;
    private static final byte PACKED = 2;
    private static final byte STRING = 3;
    private static final int UUID_LENGTH = 36;
    /** Where the canonical form's dashes stand, and how many hex digits precede each (8-4-4-4-12). */
    private static final int[] DASHES = {8, 13, 18, 23};
    private static final int[] DIGITS_BEFORE_DASH = {8, 12, 16, 20};
    private static final int BITS_PER_GROUP_OF_FOUR = 16;
    private static final int HEX_DIGITS_PER_LONG = 16;
    private static final int BITS_PER_HEX_DIGIT = 4;
    private static final int CHAR_BITS = 7;
    private static final long CHAR_MASK = (1L << CHAR_BITS) - 1;
    /** Characters packed per long: 9 x 7 = 63 bits. */
    private static final int CHARS_PER_LONG = 9;
    private static final int MAX_PACKED = 2 * CHARS_PER_LONG;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] kinds;
    private final long[] highs;
    private final long[] lows;
    private final String[] others;

    PostIds(int capacity) {
        kinds = new byte[capacity];
        highs = new long[capacity];
        lows = new long[capacity];
        others = new String[capacity];
    }

    void set(int i, String id) {
        others[i] = null;
        if (id == null) {
            kinds[i] = EMPTY;
        } else if (isUuid(id)) {
            kinds[i] = UUID;
            // the 8-4-4 digits before the third dash are the high long, the 4-12 after it the low one
            highs[i] = hex(id, 0, DASHES[0]) << (2 * BITS_PER_GROUP_OF_FOUR)
                    | hex(id, DASHES[0] + 1, DASHES[1]) << BITS_PER_GROUP_OF_FOUR | hex(id, DASHES[1] + 1, DASHES[2]);
            lows[i] = hex(id, DASHES[2] + 1, DASHES[3]) << (3 * BITS_PER_GROUP_OF_FOUR) | hex(id, DASHES[3] + 1, UUID_LENGTH);
        } else if (isPackable(id)) {
            kinds[i] = PACKED;
            highs[i] = pack(id, 0);
            lows[i] = pack(id, CHARS_PER_LONG);
        } else {
            kinds[i] = STRING;
            others[i] = id;
        }
    }

    /** The id stored at {@code i} (an equal String), or null. */
    String get(int i) {
        switch (kinds[i]) {
            case UUID:
                return uuid(highs[i], lows[i]);
            case PACKED:
                StringBuilder sb = new StringBuilder(MAX_PACKED);
                unpack(highs[i], sb);
                unpack(lows[i], sb);
                return sb.toString();
            case STRING:
                return others[i];
            default:
                return null;
        }
    }

    /** A UUID as {@link java.util.UUID#toString()} writes it: lower-case hex digits, dashes at 8, 13, 18 and 23. */
    private static boolean isUuid(String id) {
        if (id.length() != UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = id.charAt(i);
            boolean dash = i == DASHES[0] || i == DASHES[1] || i == DASHES[2] || i == DASHES[3];
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static long hex(String id, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v << BITS_PER_HEX_DIGIT | Character.digit(id.charAt(i), HEX_DIGITS_PER_LONG);
        }
        return v;
    }

    private static String uuid(long high, long low) {
        char[] out = new char[UUID_LENGTH];
        int at = 0;
        for (int digit = 0; digit < HEX_DIGITS_PER_LONG * 2; digit++) {
            if (digit == DIGITS_BEFORE_DASH[0] || digit == DIGITS_BEFORE_DASH[1] || digit == DIGITS_BEFORE_DASH[2]
                    || digit == DIGITS_BEFORE_DASH[3]) {
                out[at++] = '-';
            }
            long word = digit < HEX_DIGITS_PER_LONG ? high : low;
            int shift = (HEX_DIGITS_PER_LONG - 1 - digit % HEX_DIGITS_PER_LONG) * BITS_PER_HEX_DIGIT;
            out[at++] = HEX[(int) (word >>> shift) & (HEX_DIGITS_PER_LONG - 1)];
        }
        return new String(out);
    }

    /** Up to 18 characters, each 1 to 127 (0 marks the end of a shorter id). */
    private static boolean isPackable(String id) {
        if (id.isEmpty() || id.length() > MAX_PACKED) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == 0 || c > CHAR_MASK) {
                return false;
            }
        }
        return true;
    }

    private static long pack(String id, int from) {
        long v = 0;
        for (int i = from; i < from + CHARS_PER_LONG; i++) {
            long c = i < id.length() ? id.charAt(i) : 0;
            v = v << CHAR_BITS | c;
        }
        return v;
    }

    private static void unpack(long v, StringBuilder sb) {
        for (int k = CHARS_PER_LONG - 1; k >= 0; k--) {
            char c = (char) ((v >>> (k * CHAR_BITS)) & CHAR_MASK);
            if (c == 0) {
                return;
            }
            sb.append(c);
        }
    }
}
