package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The centroid evidence: the cosine in the event score, the merge gate and fragment merging (each fires and not). */
class CentroidEvidenceTest {

    private static final String[] BACKGROUND = {
        "runners crossed the finish line", "city council record budget", "new line of trains for the city",
        "a record crowd at the stadium", "finish the paint job before winter", "runners of the night shift",
        "football match tonight great goal", "recipe pasta dinner tasty", "concert tickets sold out quickly",
        "weather sunny and warm today", "new phone launch review battery", "traffic jam on the highway again"};
    private static final String[] TOPICS = {"harbour", "orchard", "election", "museum", "bakery", "volcano", "satellite",
        "festival", "library", "tram", "glacier", "parliament", "vineyard", "lighthouse", "stadium", "marathon"};

    private final AtomicInteger ids = new AtomicInteger();

    private GroupingEngine engine(GroupingSettings settings) {
        return new GroupingEngine(settings, () -> "id" + ids.incrementAndGet());
    }

    /** Posts on common topics so that IDF knows the words of the probe post but not the events' own words. */
    private static void background(GroupingEngine engine, int count, Instant from) {
        for (int i = 0; i < count; i++) {
            engine.place(Posts.text("bg" + i, BACKGROUND[i % BACKGROUND.length], from.plusSeconds(i)));
        }
    }

    /** An event made broad by a reply thread (replies join what they answer whatever they say) over many topics. */
    private static Placement broadEvent(GroupingEngine engine, Instant at) {
        Placement first = engine.place(Posts.text("t0", TOPICS[0] + " " + TOPICS[1] + " story", at));
        String answered = "ext-" + first.postId();
        for (int i = 1; i < TOPICS.length; i++) {
            String id = "reply" + i + "-" + at.getEpochSecond();
            engine.place(new PostEvidence(id, "x", "ext-" + id, "t" + i, TOPICS[i] + " " + TOPICS[(i * 7) % TOPICS.length]
                    + " update", null, at.plusSeconds(i * 10L), null, List.of(), List.of(), answered));
            answered = "ext-" + id;
        }
        return first;
    }

    private static final String PROBE = "marathon runners finish line city record";

    /**
     * The probe shares one rare word with either event: coverage alone scores it about 0.4 for both, the blend with the
     * cosine about 0.2 for the broad event and 0.37 for the focused one; a threshold between shows the difference.
     */
    private static GroupingSettings between() {
        return GroupingSettings.defaults().with("joinThreshold", "0.25");
    }

    @Test
    void aBroadMixedEventDoesNotTakeAPostSharingOneOfItsManyWords() {
        GroupingEngine engine = engine(between());
        background(engine, 240, Posts.T0);
        Instant t = Posts.T0.plusSeconds(600);
        Placement broad = broadEvent(engine, t);
        Placement probe = engine.place(Posts.text("p", PROBE, t.plusSeconds(600)));
        assertNotEquals(broad.eventId(), probe.eventId(), probe.reasons().toString());
    }

    @Test
    void withoutTheCosineTheBroadEventTakesIt() {
        GroupingEngine engine = engine(between().with("cosineWeight", "0"));
        background(engine, 240, Posts.T0);
        Instant t = Posts.T0.plusSeconds(600);
        Placement broad = broadEvent(engine, t);
        Placement probe = engine.place(Posts.text("p", PROBE, t.plusSeconds(600)));
        assertEquals(broad.eventId(), probe.eventId(), probe.reasons().toString());
    }

    @Test
    void aFocusedEventTakesTheSamePost() {
        GroupingEngine engine = engine(between());
        background(engine, 240, Posts.T0);
        Instant t = Posts.T0.plusSeconds(600);
        Placement focused = engine.place(Posts.text("a", "marathon route closed downtown", t));
        engine.place(Posts.text("b", "marathon starts at nine downtown", t.plusSeconds(60)));
        Placement probe = engine.place(Posts.text("p", PROBE, t.plusSeconds(600)));
        assertEquals(focused.eventId(), probe.eventId(), probe.reasons().toString());
    }

    /** Events kept apart (no join on text) so that only a linking post or fragment merging can bring them together. */
    private static GroupingSettings apart() {
        return GroupingSettings.defaults().with("joinThreshold", "0.99");
    }

    @Test
    void aPostLinkingTwoEventsThatTellTheSameMergesThem() {
        GroupingEngine engine = engine(apart().with("centroidMergeThreshold", "0"));
        background(engine, 240, Posts.T0);
        Instant t = Posts.T0.plusSeconds(600);
        Placement a = engine.place(Posts.post("a", "wildfire near kalvora village forces evacuation", t, null,
                List.of(Posts.image("fire-photo", null)), null));
        Placement b = engine.place(Posts.text("b", "kalvora wildfire evacuation smoke over the valley", t.plusSeconds(60)));
        assertNotEquals(a.eventId(), b.eventId());
        Placement link = engine.place(Posts.post("c", "kalvora wildfire evacuation smoke valley", t.plusSeconds(120),
                null, List.of(Posts.image("fire-photo", null)), null));
        assertEquals(1, link.merges().size(), link.reasons().toString());
    }

    @Test
    void aPostLinkingTwoEventsThatTellDifferentThingsDoesNotMergeThem() {
        GroupingEngine engine = engine(apart().with("centroidMergeThreshold", "0"));
        background(engine, 240, Posts.T0);
        Instant t = Posts.T0.plusSeconds(600);
        Placement a = engine.place(Posts.post("a", "wildfire near kalvora village forces evacuation", t, null,
                List.of(Posts.image("fire-photo", null)), null));
        Placement b = engine.place(Posts.text("b", "chess championship final draws crowd in brenmoor", t.plusSeconds(60)));
        Placement link = engine.place(Posts.post("c", "smoke reaches brenmoor chess championship final crowd",
                t.plusSeconds(120), null, List.of(Posts.image("fire-photo", null)), null));
        assertEquals(a.eventId(), link.eventId());
        assertTrue(link.merges().isEmpty(), link.reasons().toString());
        assertTrue(String.join(" ", link.reasons()).contains("their texts differ"), link.reasons().toString());

        GroupingEngine ungated = engine(apart().with("centroidMergeThreshold", "0").with("mergeCentroidCosine", "0"));
        background(ungated, 240, Posts.T0);
        ungated.place(Posts.post("a", "wildfire near kalvora village forces evacuation", t, null,
                List.of(Posts.image("fire-photo", null)), null));
        ungated.place(Posts.text("b", "chess championship final draws crowd in brenmoor", t.plusSeconds(60)));
        Placement merged = ungated.place(Posts.post("c", "smoke reaches brenmoor chess championship final crowd",
                t.plusSeconds(120), null, List.of(Posts.image("fire-photo", null)), null));
        assertEquals(1, merged.merges().size(), "without the gate the one post merges them: " + merged.reasons());
        assertNotEquals(a.eventId(), b.eventId());
    }

    @Test
    void fragmentsWhoseCentroidsAreCloseMergeAsTheyGrow() {
        GroupingEngine engine = engine(apart());
        background(engine, 240, Posts.T0);
        Instant t = Posts.T0.plusSeconds(600);
        Placement a = engine.place(Posts.text("a", "kalvora wildfire evacuation village smoke", t));
        Placement b = engine.place(Posts.text("b", "kalvora wildfire evacuation valley smoke", t.plusSeconds(60)));
        assertEquals(1, b.merges().size(), b.reasons().toString());
        EventMerge merge = b.merges().get(0);
        assertTrue(merge.fromEventId().equals(a.eventId()) || merge.intoEventId().equals(a.eventId()), merge.toString());
        assertTrue(String.join(" ", b.reasons()).contains("their texts tell the same"), b.reasons().toString());
    }

    @Test
    void fragmentsThatShareOneWordDoNotMerge() {
        GroupingEngine engine = engine(apart());
        background(engine, 240, Posts.T0);
        Instant t = Posts.T0.plusSeconds(600);
        Placement a = engine.place(Posts.text("a", "kalvora wildfire evacuation village smoke", t));
        Placement b = engine.place(Posts.text("b", "kalvora chess championship final crowd", t.plusSeconds(60)));
        assertTrue(b.merges().isEmpty(), b.reasons().toString());
        assertNotEquals(a.eventId(), b.eventId());
        assertFalse(String.join(" ", b.reasons()).contains("their texts tell the same"));
    }
}
