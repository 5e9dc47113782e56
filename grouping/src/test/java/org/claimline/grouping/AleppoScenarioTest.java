package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The seed situation: two competing stories of the Aleppo evacuation (English and Arabic) and an unrelated event. */
class AleppoScenarioTest {

    private static final Instant CHATTER_END = Instant.parse("2016-12-13T06:00:00Z");
    private static final PostEvidence.Place EAST_ALEPPO = new PostEvidence.Place(36.20, 37.17, 5.0, "East Aleppo, Syria");
    private static final PostEvidence.Place WEST_ALEPPO = new PostEvidence.Place(36.21, 37.13, 5.0, "Aleppo, Syria");
    private static final PostEvidence.Place LIMA = new PostEvidence.Place(-12.05, -77.04, 10.0, "Lima, Peru");

    @Test
    void oneAleppoEventWithTwoStorylinesAndTheOtherEventApart() {
        GroupingEngine engine = afterChatter(GroupingSettings.defaults());
        Instant t = CHATTER_END;
        List<Placement> goodbye = new ArrayList<>();
        List<Placement> celebrate = new ArrayList<>();
        List<Placement> other = new ArrayList<>();
        String[] goodbyeTexts = {
            "Residents of east #Aleppo say goodbye to their city as the evacuation begins, civilians executed in their homes",
            "وداعا حلب، المدنيون يعدمون في بيوتهم مع بدء الإجلاء #حلب",
            "Last messages from east #Aleppo: residents saying goodbye, reports of civilians executed by advancing forces",
            "UN says civilians executed on the spot in east #Aleppo as residents say goodbye before the evacuation",
            "سكان شرق حلب يودعون مدينتهم، تقارير عن إعدام مدنيين #حلب",
        };
        String[] celebrateTexts = {
            "Residents celebrate the liberation of #Aleppo in the streets tonight, flags and fireworks",
            "أهالي حلب يحتفلون بتحرير المدينة في الشوارع #حلب",
            "Video: people dancing in #Aleppo streets to celebrate liberation, fireworks over the city",
            "Crowds celebrate liberation of #Aleppo with flags, cars honking through the night",
            "احتفالات بتحرير حلب في الشوارع والألعاب النارية #حلب",
        };
        String[] otherTexts = {
            "Magnitude 6 earthquake felt in #Lima, buildings shaking, people running into the streets",
            "Earthquake in #Lima: walls cracked in the old town, no victims reported yet",
            "Strong earthquake shakes #Lima this morning, aftershocks expected",
        };
        int minute = 0;
        for (int i = 0; i < goodbyeTexts.length; i++) {
            goodbye.add(engine.place(Posts.post("g" + i, goodbyeTexts[i], t.plusSeconds(60L * minute++), EAST_ALEPPO,
                    List.of(Posts.image("goodbye-photo", "a1b2c3d4e5f60718")), null)));
            other.add(engine.place(Posts.post("o" + i, otherTexts[i % otherTexts.length] + " " + i,
                    t.plusSeconds(60L * minute++), LIMA, List.of(), null)));
            celebrate.add(engine.place(Posts.post("c" + i, celebrateTexts[i], t.plusSeconds(60L * minute++), WEST_ALEPPO,
                    List.of(Posts.image("celebration-photo", "0f1e2d3c4b5a6978")), null)));
        }

        Set<String> aleppoEvents = new HashSet<>();
        goodbye.forEach(p -> aleppoEvents.add(finalEvent(p, goodbye, celebrate, other)));
        celebrate.forEach(p -> aleppoEvents.add(finalEvent(p, goodbye, celebrate, other)));
        assertEquals(1, aleppoEvents.size(), "both Aleppo stories are one event");
        Set<String> otherEvents = new HashSet<>();
        other.forEach(p -> otherEvents.add(finalEvent(p, goodbye, celebrate, other)));
        assertEquals(1, otherEvents.size(), "the earthquake elsewhere is one event");
        assertNotEquals(aleppoEvents.iterator().next(), otherEvents.iterator().next(), "and apart from Aleppo");

        Set<String> goodbyeStorylines = new HashSet<>();
        goodbye.forEach(p -> goodbyeStorylines.add(p.storylineId()));
        Set<String> celebrateStorylines = new HashSet<>();
        celebrate.forEach(p -> celebrateStorylines.add(p.storylineId()));
        assertEquals(1, goodbyeStorylines.size());
        assertEquals(1, celebrateStorylines.size());
        assertNotEquals(goodbyeStorylines, celebrateStorylines, "two competing storylines");
        Placement last = celebrate.get(celebrate.size() - 1);
        assertTrue(last.eventTitle().toLowerCase().contains("aleppo"), last.eventTitle());
        assertEquals(celebrateTexts.length, last.corroboration());
    }

    /**
     * The same two competing stories told only in words (no pictures to tell them apart), after chatter: one event,
     * two storylines, as the words every post of the event carries (the city, its hashtag, "residents") say which
     * event, not which claim. With the event's words counted like any other (storyEventShareDiscount 0), the
     * stories share one storyline.
     */
    @Test
    void competingStoriesToldOnlyInWordsKeepTwoStorylines() {
        List<List<Placement>> stories = wordsOnly(GroupingSettings.defaults());
        assertEquals(1, storylines(stories.get(0), stories).size(), "the goodbye posts tell one story");
        assertEquals(1, storylines(stories.get(1), stories).size(), "the celebration posts tell one story");
        assertNotEquals(storylines(stories.get(0), stories), storylines(stories.get(1), stories),
                "two competing storylines");
        Set<String> events = new HashSet<>();
        stories.forEach(story -> story.forEach(p -> events.add(p.eventId())));
        assertEquals(1, events.size(), "one Aleppo event");

        List<List<Placement>> undiscounted = wordsOnly(GroupingSettings.defaults().with("storyEventShareDiscount", "0"));
        assertEquals(storylines(undiscounted.get(0), undiscounted), storylines(undiscounted.get(1), undiscounted),
                "without the discount the celebration joins the goodbye storyline on the event's words");
    }

    /**
     * A competing claim told in words that arrives after 40 retellings of the first claim starts a storyline of its own,
     * and its retellings follow it: a long storyline must not swallow a new claim whose words it has never carried
     * (session 8: sending posts that reach no storyline to the event's largest one did exactly that).
     */
    @Test
    void aCompetingClaimAfterALongStorylineStartsItsOwn() {
        GroupingEngine engine = afterChatter(GroupingSettings.defaults());
        Instant t = CHATTER_END;
        String[] goodbye = {
            "Residents of east #Aleppo say goodbye to their city as the evacuation begins, civilians executed in their homes",
            "Last messages from east #Aleppo: residents saying goodbye, reports of civilians executed by advancing forces",
            "UN says civilians executed on the spot in east #Aleppo as residents say goodbye before the evacuation",
            "Heartbreaking goodbye from #Aleppo residents, civilians executed as evacuation starts",
            "#Aleppo residents say goodbye, civilians reportedly executed in their homes"};
        String[] celebrate = {
            "Residents celebrate the liberation of #Aleppo in the streets tonight, flags and fireworks",
            "Video: people dancing in #Aleppo streets to celebrate liberation, fireworks over the city",
            "Crowds celebrate liberation of #Aleppo with flags, cars honking through the night",
            "#Aleppo celebrates liberation, fireworks and flags in the streets"};
        Set<String> goodbyeStorylines = new HashSet<>();
        String goodbyeEvent = null;
        int minute = 0;
        for (int i = 0; i < 40; i++) {
            Placement p = engine.place(Posts.post("g" + i, goodbye[i % goodbye.length] + " " + (char) ('a' + i % 26) + i,
                    t.plusSeconds(60L * minute++), EAST_ALEPPO, List.of(), null));
            goodbyeStorylines.add(p.storylineId());
            goodbyeEvent = p.eventId();
        }
        assertEquals(1, goodbyeStorylines.size(), "the 40 retellings are one storyline");
        Set<String> celebrateStorylines = new HashSet<>();
        for (int i = 0; i < celebrate.length; i++) {
            Placement p = engine.place(Posts.post("c" + i, celebrate[i], t.plusSeconds(60L * minute++), EAST_ALEPPO,
                    List.of(), null));
            String why = String.join(" | ", p.reasons());
            assertEquals(goodbyeEvent, p.eventId(), why);
            assertTrue(!goodbyeStorylines.contains(p.storylineId()), why);
            celebrateStorylines.add(p.storylineId());
        }
        assertEquals(1, celebrateStorylines.size(), "the competing claim's retellings follow its first post");
    }

    /** An engine that has placed 120 unrelated chatter posts in the hour before {@link #CHATTER_END}. */
    private static GroupingEngine afterChatter(GroupingSettings settings) {
        AtomicInteger ids = new AtomicInteger();
        GroupingEngine engine = new GroupingEngine(settings, () -> "id" + ids.incrementAndGet());
        String[] chatter = {"good morning everyone coffee time", "my team lost again tonight", "new album out this friday",
            "traffic is terrible on the ring road", "happy birthday to my sister", "cannot wait for the holidays"};
        for (int i = 0; i < 120; i++) {
            engine.place(Posts.text("u" + i, chatter[i % chatter.length] + " " + i,
                    CHATTER_END.minusSeconds(3600 - i * 20L)));
        }
        return engine;
    }

    private static List<List<Placement>> wordsOnly(GroupingSettings settings) {
        GroupingEngine engine = afterChatter(settings);
        Instant t = CHATTER_END;
        String[] goodbyeTexts = {
            "Residents of east #Aleppo say goodbye to their city as the evacuation begins, civilians executed in their homes",
            "Last messages from east #Aleppo: residents saying goodbye, reports of civilians executed by advancing forces",
            "UN says civilians executed on the spot in east #Aleppo as residents say goodbye before the evacuation",
            "Residents of east #Aleppo saying goodbye, civilians executed as the evacuation is delayed",
        };
        String[] celebrateTexts = {
            "Residents celebrate the liberation of #Aleppo in the streets tonight, flags and fireworks",
            "Video: people dancing in #Aleppo streets to celebrate liberation, fireworks over the city",
            "Crowds celebrate liberation of #Aleppo with flags, cars honking through the night",
            "Residents of #Aleppo celebrate liberation in the streets with fireworks",
        };
        List<Placement> goodbye = new ArrayList<>();
        List<Placement> celebrate = new ArrayList<>();
        int minute = 0;
        for (int i = 0; i < goodbyeTexts.length; i++) {
            goodbye.add(engine.place(Posts.post("g" + i, goodbyeTexts[i], t.plusSeconds(60L * minute++), EAST_ALEPPO,
                    List.of(), null)));
            celebrate.add(engine.place(Posts.post("c" + i, celebrateTexts[i], t.plusSeconds(60L * minute++),
                    WEST_ALEPPO, List.of(), null)));
        }
        return List.of(goodbye, celebrate);
    }

    /** The storylines a story's posts end in, following the storyline merges reported by any placement. */
    private static Set<String> storylines(List<Placement> story, List<List<Placement>> all) {
        Map<String, String> mergedInto = new HashMap<>();
        all.forEach(list -> list.forEach(p -> p.storylineMerges()
                .forEach(m -> mergedInto.put(m.fromStorylineId(), m.intoStorylineId()))));
        Set<String> ids = new HashSet<>();
        for (Placement p : story) {
            String id = p.storylineId();
            while (mergedInto.containsKey(id)) {
                id = mergedInto.get(id);
            }
            ids.add(id);
        }
        return ids;
    }

    /** The event a post ends in, following the merges that later posts reported. */
    private static String finalEvent(Placement p, List<Placement> a, List<Placement> b, List<Placement> c) {
        String id = p.eventId();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Placement> list : List.of(a, b, c)) {
                for (Placement q : list) {
                    for (EventMerge m : q.merges()) {
                        if (m.fromEventId().equals(id)) {
                            id = m.intoEventId();
                            changed = true;
                        }
                    }
                }
            }
        }
        return id;
    }
}
