package org.claimline.grouping.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    private Set<String> surfaces(String text, TermKind kind) {
        TextFeatures f = analyzer.analyze(text, List.of(), null, null);
        Set<String> out = new HashSet<>();
        for (int i = 0; i < f.size(); i++) {
            if (f.kinds()[i] == kind) {
                out.add(f.surfaces()[i]);
            }
        }
        return out;
    }

    private Set<Long> terms(String text) {
        TextFeatures f = analyzer.analyze(text, List.of(), null, null);
        Set<Long> out = new HashSet<>();
        Arrays.stream(f.terms()).forEach(out::add);
        return out;
    }

    @Test
    void arabicSpellingsNormaliseAndStemToTheSameTerm() {
        // alef with hamza vs bare alef, and the definite article: the same word for a reader
        Set<Long> a = terms("إجلاء");
        Set<Long> b = terms("الاجلاء");
        assertTrue(a.stream().anyMatch(b::contains), "normalised and stemmed forms should share a term");
    }

    @Test
    void caseAccentsAndPluralsFold() {
        assertTrue(terms("Éclipse").stream().anyMatch(terms("eclipses")::contains));
    }

    @Test
    void hashtagsMentionsAndUrlsAreTheirOwnKindsAndHashtagsSplitAtCamelCase() {
        String text = "Flooding now #HurricaneSandy via @Reuters https://t.co/AbC123.";
        assertEquals(Set.of("#HurricaneSandy"), surfaces(text, TermKind.HASHTAG));
        assertEquals(Set.of("@reuters"), surfaces(text, TermKind.MENTION));
        assertEquals(Set.of("t.co/AbC123"), surfaces(text, TermKind.URL));
        assertTrue(surfaces(text, TermKind.WORD).containsAll(Set.of("hurricane", "sandy", "flooding")));
    }

    @Test
    void nearIdenticalTextsHaveCloseSimHashesAndDifferentTextsDoNot() {
        long a = analyzer.analyze("BREAKING: the dam upstream has failed, everyone must leave the valley", List.of(), null, null).simHash();
        long b = analyzer.analyze("RT BREAKING: the dam upstream has failed, everyone must leave the valley!", List.of(), null, null).simHash();
        long c = analyzer.analyze("Lovely sunny afternoon at the beach with friends and ice cream", List.of(), null, null).simHash();
        assertTrue(Long.bitCount(a ^ b) <= 3, "copies differ by " + Long.bitCount(a ^ b));
        assertTrue(Long.bitCount(a ^ c) > 10);
        assertNotEquals(a, c);
    }

    @Test
    void findingMatchesOnlyAtTheirFirstCharacterFindsWhatFindFinds() {
        List<String> samples = List.of(
                "a#b #tag1 ##double x#y &#38; ＃全角 #_under #Camel_Case_Tag end#",
                "mail me@example.org @alice,@bob_2 (@carol) @@dup a@b @" + "x".repeat(40),
                "see https://t.co/AbC, HTTP://X.org/a?b=c. nothttp://no.example http: // odd https:\\/\\/esc.example/p",
                "",
                "#");
        List<java.util.regex.Pattern> patterns = List.of(TextAnalyzer.HASHTAG, TextAnalyzer.MENTION, TextAnalyzer.URL);
        char[][] markers = {{'#', '＃'}, {'@', '@'}, {'h', 'H'}};
        for (int k = 0; k < patterns.size(); k++) {
            for (String sample : samples) {
                List<String> expected = new java.util.ArrayList<>();
                java.util.regex.Matcher plain = patterns.get(k).matcher(sample);
                while (plain.find()) {
                    expected.add(plain.start() + ":" + plain.end() + ":" + plain.group());
                }
                List<String> actual = new java.util.ArrayList<>();
                java.util.regex.Matcher fast = patterns.get(k).matcher(sample);
                int from = 0;
                while (TextAnalyzer.findFrom(fast, sample, from, markers[k][0], markers[k][1])) {
                    actual.add(fast.start() + ":" + fast.end() + ":" + fast.group());
                    from = fast.end();
                }
                assertEquals(expected, actual, patterns.get(k) + " on " + sample);
            }
        }
    }
}
