package org.claimline.grouping.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.br.BrazilianAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.claimline.grouping.util.LongIntMap;

/**
 * Turns a post's text, tags, place name and author into hashed terms that compare across scripts and spellings:
 * Unicode folding (case, accents, width), Arabic normalisation and light stemming, CJK bigrams, plural folding, with
 * hashtags (split at camel case too), mentions and URLs kept as their own kinds.
 *
 * <p>Thread-safe: Lucene reuses token streams per thread.
 */
public final class TextAnalyzer {

    static final Pattern URL = Pattern.compile("(?i)\\bhttps?:\\s*(?:\\\\?/){2}[^\\s\"“”<>]+");
    static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@([\\p{L}\\p{N}_]{1,30})");
    static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])[#＃]([\\p{L}\\p{M}\\p{N}_]+)");
    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|_");
    private static final String URL_TRAILING = ".,;:!?)]}'\"…”’";
    private static final int MIN_WORD_CHARS = 2;
    private static final int SHINGLE = 4;

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new CJKBigramFilter(source);
            stream = new ICUFoldingFilter(stream);
            stream = new ArabicFilter(stream);
            stream = new EnglishMinimalStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    /**
     * Function words of every language Lucene ships a stop list for, folded by the same chain as post text, as term
     * hashes: they say nothing about which happening a post is about, and early in a stream (or for a language few
     * posts use) IDF cannot know that yet.
     */
    private final LongIntMap stopTerms = stopTerms(
            ArabicAnalyzer.getDefaultStopSet(),
            BulgarianAnalyzer.getDefaultStopSet(),
            BengaliAnalyzer.getDefaultStopSet(),
            BrazilianAnalyzer.getDefaultStopSet(),
            CatalanAnalyzer.getDefaultStopSet(),
            CJKAnalyzer.getDefaultStopSet(),
            SoraniAnalyzer.getDefaultStopSet(),
            CzechAnalyzer.getDefaultStopSet(),
            DanishAnalyzer.getDefaultStopSet(),
            GermanAnalyzer.getDefaultStopSet(),
            GreekAnalyzer.getDefaultStopSet(),
            EnglishAnalyzer.getDefaultStopSet(),
            SpanishAnalyzer.getDefaultStopSet(),
            EstonianAnalyzer.getDefaultStopSet(),
            BasqueAnalyzer.getDefaultStopSet(),
            PersianAnalyzer.getDefaultStopSet(),
            FinnishAnalyzer.getDefaultStopSet(),
            FrenchAnalyzer.getDefaultStopSet(),
            IrishAnalyzer.getDefaultStopSet(),
            GalicianAnalyzer.getDefaultStopSet(),
            HindiAnalyzer.getDefaultStopSet(),
            HungarianAnalyzer.getDefaultStopSet(),
            ArmenianAnalyzer.getDefaultStopSet(),
            IndonesianAnalyzer.getDefaultStopSet(),
            ItalianAnalyzer.getDefaultStopSet(),
            LithuanianAnalyzer.getDefaultStopSet(),
            LatvianAnalyzer.getDefaultStopSet(),
            NepaliAnalyzer.getDefaultStopSet(),
            DutchAnalyzer.getDefaultStopSet(),
            NorwegianAnalyzer.getDefaultStopSet(),
            PortugueseAnalyzer.getDefaultStopSet(),
            RomanianAnalyzer.getDefaultStopSet(),
            RussianAnalyzer.getDefaultStopSet(),
            SerbianAnalyzer.getDefaultStopSet(),
            SwedishAnalyzer.getDefaultStopSet(),
            TamilAnalyzer.getDefaultStopSet(),
            TeluguAnalyzer.getDefaultStopSet(),
            ThaiAnalyzer.getDefaultStopSet(),
            TurkishAnalyzer.getDefaultStopSet());

    /**
     * Features of one post.
     *
     * @param text post text or null
     * @param tags tags given apart from the text
     * @param placeName claimed place name or null (its words count as words, so a named place in text matches it)
     * @param author author handle or null
     */
    public TextFeatures analyze(String text, List<String> tags, String placeName, String author) {
        Builder b = new Builder();
        StringBuilder words = new StringBuilder();
        if (text != null && !text.isEmpty()) {
            // each pattern runs only when its marker character is present: most posts lack some of them
            String rest = text;
            int last;
            if (rest.indexOf(':') >= 0) {
                Matcher url = URL.matcher(rest);
                StringBuilder withoutUrls = new StringBuilder();
                last = 0;
                while (findFrom(url, rest, last, 'h', 'H')) {
                    withoutUrls.append(rest, last, url.start()).append(' ');
                    last = url.end();
                    String normalized = normalizeUrl(url.group());
                    if (normalized != null) {
                        b.add(TermKind.URL, normalized, normalized);
                    }
                }
                withoutUrls.append(rest, last, rest.length());
                rest = withoutUrls.toString();
            }
            if (rest.indexOf('@') >= 0) {
                Matcher mention = MENTION.matcher(rest);
                StringBuilder withoutMentions = new StringBuilder();
                last = 0;
                while (findFrom(mention, rest, last, '@', '@')) {
                    withoutMentions.append(rest, last, mention.start()).append(' ');
                    last = mention.end();
                    String handle = mention.group(1).toLowerCase(Locale.ROOT);
                    b.add(TermKind.MENTION, handle, "@" + handle);
                }
                withoutMentions.append(rest, last, rest.length());
                rest = withoutMentions.toString();
            }
            if (rest.indexOf('#') >= 0 || rest.indexOf('＃') >= 0) {
                Matcher hashtag = HASHTAG.matcher(rest);
                StringBuilder plain = new StringBuilder();
                last = 0;
                while (findFrom(hashtag, rest, last, '#', '＃')) {
                    plain.append(rest, last, hashtag.start()).append(' ');
                    last = hashtag.end();
                    addHashtag(b, hashtag.group(1));
                    plain.append(splitCamel(hashtag.group(1))).append(' ');
                }
                plain.append(rest, last, rest.length());
                rest = plain.toString();
            }
            words.append(rest);
        }
        for (String tag : tags) {
            if (tag != null && !tag.isBlank()) {
                String body = tag.startsWith("#") ? tag.substring(1) : tag;
                addHashtag(b, body);
                words.append(' ').append(splitCamel(body));
            }
        }
        StringBuilder normalized = new StringBuilder();
        tokenize(words.toString(), b, normalized);
        if (placeName != null && !placeName.isBlank()) {
            tokenize(placeName, b, null);
        }
        if (author != null && !author.isBlank()) {
            String handle = author.startsWith("@") ? author.substring(1) : author;
            b.add(TermKind.AUTHOR, handle.toLowerCase(Locale.ROOT), "@" + handle);
        }
        return b.build(simHash(normalized), normalized.length());
    }

    /**
     * The next match starting at or after {@code from}, as {@link Matcher#find()} would give it after a match ending
     * there, but trying the pattern only where its first character ({@code a} or {@code b}) stands instead of at every
     * position (a pattern that begins with a lookbehind is otherwise tried at each character of the text).
     */
    static boolean findFrom(Matcher m, String s, int from, char a, char b) {
        m.useTransparentBounds(true).useAnchoringBounds(false);
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                m.region(i, s.length());
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A hashtag body split into words at camel case and underscores (the regex only when there is something to split). */
    private static String splitCamel(String body) {
        boolean split = false;
        for (int i = 1; i < body.length() && !split; i++) {
            char c = body.charAt(i);
            split = c == '_' || Character.isUpperCase(c);
        }
        return split || body.startsWith("_") ? CAMEL.matcher(body).replaceAll(" ") : body;
    }

    private void addHashtag(Builder b, String body) {
        String folded = fold(body);
        if (!folded.isEmpty()) {
            b.add(TermKind.HASHTAG, folded, "#" + body);
        }
    }

    private String fold(String s) {
        StringBuilder out = new StringBuilder();
        try (TokenStream ts = analyzer.tokenStream("t", s)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.append(term);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void tokenize(String s, Builder b, StringBuilder normalized) {
        try (TokenStream ts = analyzer.tokenStream("t", s)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() < MIN_WORD_CHARS) {
                    continue;
                }
                long word = Hashing.term(TermKind.WORD.prefix(), term);
                if (stopTerms.get(word) != 0) {
                    b.add(TermKind.STOP_WORD, Hashing.term(TermKind.STOP_WORD.prefix(), term), term);
                } else {
                    b.add(TermKind.WORD, word, term);
                }
                if (normalized != null) {
                    if (normalized.length() > 0) {
                        normalized.append(' ');
                    }
                    normalized.append(term);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True for a folded word that is a function word in some language. */
    public boolean isStopWord(String folded) {
        return stopTerms.get(Hashing.term(TermKind.WORD.prefix(), folded)) != 0;
    }

    private LongIntMap stopTerms(CharArraySet... lists) {
        LongIntMap out = new LongIntMap();
        for (CharArraySet list : lists) {
            for (Object word : list) {
                String w = word instanceof char[] ? new String((char[]) word) : String.valueOf(word);
                try (TokenStream ts = analyzer.tokenStream("t", w)) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        long h = Hashing.term(TermKind.WORD.prefix(), term);
                        if (out.get(h) == 0) {
                            out.add(h, 1);
                        }
                    }
                    ts.end();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    private static String normalizeUrl(String raw) {
        String u = raw.replace("\\", "").replaceAll("\\s+", "");
        int scheme = u.indexOf("//");
        u = scheme >= 0 ? u.substring(scheme + 2) : u;
        while (!u.isEmpty() && URL_TRAILING.indexOf(u.charAt(u.length() - 1)) >= 0) {
            u = u.substring(0, u.length() - 1);
        }
        if (u.startsWith("www.")) {
            u = u.substring(4);
        }
        int slash = u.indexOf('/');
        String host = slash < 0 ? u : u.substring(0, slash);
        String path = slash < 0 ? "" : u.substring(slash);
        String result = host.toLowerCase(Locale.ROOT) + path;
        return result.indexOf('.') < 0 ? null : result;
    }

    /** SimHash over character 4-grams: robust to a few changed words, as copies with a prefix or a signature are. */
    static long simHash(CharSequence s) {
        if (s.length() < SHINGLE) {
            return 0L;
        }
        int[] v = new int[Long.SIZE];
        // bit counts are kept eight to a long (one byte lane per bit of a hash byte), flushed before a lane can overflow
        long[] lanes = new long[Long.BYTES];
        int pending = 0;
        for (int i = 0; i + SHINGLE <= s.length(); i++) {
            long h = 0xcbf29ce484222325L;
            for (int j = i; j < i + SHINGLE; j++) {
                h = (h ^ s.charAt(j)) * 0x100000001b3L;
            }
            h = Hashing.mix(h);
            for (int b = 0; b < Long.BYTES; b++) {
                lanes[b] += SPREAD[(int) (h >>> (b * Byte.SIZE)) & BYTE_MASK];
            }
            if (++pending == LANE_MAX) {
                flush(lanes, v);
                pending = 0;
            }
        }
        flush(lanes, v);
        int shingles = s.length() - SHINGLE + 1;
        long hash = 0L;
        for (int bit = 0; bit < Long.SIZE; bit++) {
            if (2 * v[bit] > shingles) {
                hash |= 1L << bit;
            }
        }
        return hash;
    }

    private static final int BYTE_MASK = 0xFF;
    private static final int LANE_MAX = 255;
    /** For each byte value, a long whose byte lane j is 1 when bit j of the value is set. */
    private static final long[] SPREAD = new long[BYTE_MASK + 1];

    static {
        for (int value = 0; value <= BYTE_MASK; value++) {
            long spread = 0;
            for (int bit = 0; bit < Byte.SIZE; bit++) {
                if ((value >>> bit & 1) != 0) {
                    spread |= 1L << (bit * Byte.SIZE);
                }
            }
            SPREAD[value] = spread;
        }
    }

    private static void flush(long[] lanes, int[] v) {
        for (int b = 0; b < Long.BYTES; b++) {
            long packed = lanes[b];
            for (int bit = 0; bit < Byte.SIZE; bit++) {
                v[b * Byte.SIZE + bit] += (int) (packed >>> (bit * Byte.SIZE)) & BYTE_MASK;
            }
            lanes[b] = 0;
        }
    }

    /**
     * Lucene's Arabic normalisation then light stemming (ArabicNormalizationFilter, ArabicStemFilter), run only on tokens
     * with a character of the Arabic block: every letter either changes or matches is in it, so other tokens pass
     * unchanged, as they did through both filters, without the stemmer's prefix and suffix checks (a few per cent of
     * the engine's time on Latin text).
     */
    private static final class ArabicFilter extends TokenFilter {
        private static final char ARABIC_FIRST = '\u0600';
        private static final char ARABIC_LAST = '\u06FF';
        private final ArabicNormalizer normalizer = new ArabicNormalizer();
        private final ArabicStemmer stemmer = new ArabicStemmer();
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        ArabicFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] buffer = term.buffer();
            int length = term.length();
            for (int i = 0; i < length; i++) {
                if (buffer[i] >= ARABIC_FIRST && buffer[i] <= ARABIC_LAST) {
                    length = normalizer.normalize(buffer, length);
                    term.setLength(stemmer.stem(buffer, length));
                    return true;
                }
            }
            return true;
        }
    }

    /** Collects distinct terms in first-seen order (primitive arrays: this runs for every word of every post). */
    private static final class Builder {
        private static final int INITIAL = 32;
        private static final int LINEAR_SCAN_MAX = 64;
        private LongIntMap large;
        private long[] terms = new long[INITIAL];
        private TermKind[] kinds = new TermKind[INITIAL];
        private String[] surfaces = new String[INITIAL];
        private int size;

        void add(TermKind kind, String key, String surface) {
            add(kind, Hashing.term(kind.prefix(), key), surface);
        }

        /** Adds a term unless present; the surface is copied to a String only when the term is new. */
        void add(TermKind kind, long h, CharSequence surface) {
            if (large != null) {
                if (large.get(h) != 0) {
                    return;
                }
                large.add(h, 1);
            } else {
                for (int i = 0; i < size; i++) {
                    if (terms[i] == h) {
                        return;
                    }
                }
                if (size == LINEAR_SCAN_MAX) {
                    // a long text: a hash set from here on, so the check stays constant per word
                    large = new LongIntMap();
                    for (int i = 0; i < size; i++) {
                        large.add(terms[i], 1);
                    }
                    large.add(h, 1);
                }
            }
            if (size == terms.length) {
                terms = Arrays.copyOf(terms, size * 2);
                kinds = Arrays.copyOf(kinds, size * 2);
                surfaces = Arrays.copyOf(surfaces, size * 2);
            }
            terms[size] = h;
            kinds[size] = kind;
            surfaces[size] = surface.toString();
            size++;
        }

        TextFeatures build(long simHash, int length) {
            return new TextFeatures(Arrays.copyOf(terms, size), Arrays.copyOf(kinds, size), Arrays.copyOf(surfaces, size),
                    simHash, length);
        }
    }
}
