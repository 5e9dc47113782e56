package org.claimline.grouping.util;

import java.nio.charset.StandardCharsets;

/**
 * Readable spellings of term hashes in a fixed-size direct-mapped table: a newer term overwrites an older one in its
 * slot, so memory is constant from the start and a lookup is one array read; a forgotten spelling only leaves a term out
 * of a title or a reason. A spelling of up to {@value #INLINE_BYTES} UTF-8 bytes (most words) is kept in the slot's
 * bytes, a longer one as its String: a table of Strings would fill with an object per slot over millions of terms.
 */
public final class SpellingCache {

    /** Bytes of a spelling kept in its slot; most words in most scripts are shorter. */
    private static final int INLINE_BYTES = 16;
    /** The slot's length byte when it holds no spelling. */
    private static final byte NONE = 0;
    /** The slot's length byte when its spelling is a String in {@link #others}. */
    private static final byte OTHER = -1;

    private final long[] keys;
    private final byte[] lengths;
    private final byte[] bytes;
    private final String[] others;
    private final int mask;

    /** @param capacity slots, rounded up to a power of two */
    public SpellingCache(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        keys = new long[size];
        lengths = new byte[size];
        bytes = new byte[size * INLINE_BYTES];
        others = new String[size];
        mask = size - 1;
    }

    public void put(long key, String spelling) {
        int i = slot(key);
        keys[i] = key;
        others[i] = null;
        if (spelling == null) {
            lengths[i] = NONE;
            return;
        }
        byte[] utf8 = inlineable(spelling) ? spelling.getBytes(StandardCharsets.UTF_8) : null;
        if (utf8 != null && utf8.length <= INLINE_BYTES) {
            System.arraycopy(utf8, 0, bytes, i * INLINE_BYTES, utf8.length);
            lengths[i] = (byte) utf8.length;
        } else {
            others[i] = spelling;
            lengths[i] = OTHER;
        }
    }

    /** Short enough to fit and without surrogates (a lone one would not survive UTF-8 unchanged). */
    private static boolean inlineable(String spelling) {
        if (spelling.isEmpty() || spelling.length() > INLINE_BYTES) {
            return false;
        }
        for (int k = 0; k < spelling.length(); k++) {
            if (Character.isSurrogate(spelling.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The spelling of {@code key}, or null when unknown or overwritten. */
    public String get(long key) {
        int i = slot(key);
        if (keys[i] != key || lengths[i] == NONE) {
            return null;
        }
        return lengths[i] == OTHER ? others[i] : new String(bytes, i * INLINE_BYTES, lengths[i], StandardCharsets.UTF_8);
    }

    public boolean containsKey(long key) {
        int i = slot(key);
        return keys[i] == key && lengths[i] != NONE;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
