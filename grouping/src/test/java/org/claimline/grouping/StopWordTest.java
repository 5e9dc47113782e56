package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimline.grouping.text.TermKind;
import org.claimline.grouping.text.TextAnalyzer;
import org.claimline.grouping.text.TextFeatures;
import org.junit.jupiter.api.Test;

/** Function words of any language Lucene has a stop list for are evidence of nothing, even before IDF learns it. */
class StopWordTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    private TermKind kindOf(String text, String surface) {
        TextFeatures f = analyzer.analyze(text, List.of(), null, null);
        for (int i = 0; i < f.size(); i++) {
            if (f.surfaces()[i].equals(surface)) {
                return f.kinds()[i];
            }
        }
        throw new AssertionError(surface + " not among the terms of " + text);
    }

    @Test
    void functionWordsOfSeveralLanguagesAreStopWordsAndContentWordsAreNot() {
        assertEquals(TermKind.STOP_WORD, kindOf("the bridge", "the"));
        assertEquals(TermKind.STOP_WORD, kindOf("el puente", "el"));
        assertEquals(TermKind.STOP_WORD, kindOf("le pont", "le"));
        assertTrue(analyzer.isStopWord("من"), "Arabic 'from'");
        assertEquals(TermKind.WORD, kindOf("the bridge", "bridge"));
        assertFalse(analyzer.isStopWord("earthquake"));
    }

    @Test
    void postsOfAMinorityLanguageSharingOnlyFunctionWordsStayApart() {
        GroupingEngine engine = englishStream(GroupingSettings.defaults());
        Placement a = engine.place(Posts.text("a", "ils sont dans la rue avec les enfants", Posts.minutes(5)));
        Placement b = engine.place(Posts.text("b", "nous sommes dans la gare avec les valises", Posts.minutes(6)));
        assertNotEquals(a.eventId(), b.eventId(), b.reasons().toString());
        Placement c = engine.place(Posts.text("c", "les enfants dans la rue", Posts.minutes(7)));
        assertEquals(a.eventId(), c.eventId(), "content words still join: " + c.reasons());
    }

    @Test
    void weightedLikeOtherWordsTheSameFunctionWordsWouldJoin() {
        GroupingEngine engine = englishStream(GroupingSettings.defaults().with("stopWordWeight", "1"));
        Placement a = engine.place(Posts.text("a", "ils sont dans la rue avec les enfants", Posts.minutes(5)));
        Placement b = engine.place(Posts.text("b", "nous sommes dans la gare avec les valises", Posts.minutes(6)));
        assertEquals(a.eventId(), b.eventId(), b.reasons().toString());
    }

    private static GroupingEngine englishStream(GroupingSettings settings) {
        AtomicInteger ids = new AtomicInteger();
        GroupingEngine engine = new GroupingEngine(settings, () -> "id" + ids.incrementAndGet());
        // an English stream: IDF would take French function words for rare terms
        String[] topics = {"football match tonight great goal", "new phone launch review battery", "recipe pasta dinner",
            "traffic jam on the highway again", "concert tickets sold out quickly", "weather sunny and warm today"};
        for (int i = 0; i < 200; i++) {
            engine.place(Posts.text("bg" + i, "the " + topics[i % topics.length] + " " + i, Posts.T0.plusSeconds(i)));
        }
        return engine;
    }
}
