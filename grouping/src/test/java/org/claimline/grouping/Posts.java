package org.claimline.grouping;

import java.time.Instant;
import java.util.List;

/** Small builders for test posts. */
final class Posts {

    static final Instant T0 = Instant.parse("2016-12-13T09:00:00Z");
    private static int next;

    private Posts() {
    }

    static PostEvidence text(String author, String text, Instant at) {
        return post(author, text, at, null, List.of(), null);
    }

    static PostEvidence post(String author, String text, Instant at, PostEvidence.Place place,
            List<PostEvidence.Media> media, String inReplyTo) {
        String id = "p" + (++next);
        return new PostEvidence(id, "x", "ext-" + id, author, text, null, at, place, media, List.of(), inReplyTo);
    }

    static PostEvidence.Media image(String sha, String hash) {
        return new PostEvidence.Media(sha, hash, null, null, null);
    }

    static Instant minutes(long m) {
        return T0.plusSeconds(m * 60);
    }

    /** Everyday posts placed before a test's own, so that IDF knows which words are common. */
    private static final String[] BACKGROUND = {
        "city council record budget", "a record crowd at the stadium", "football match tonight great goal",
        "recipe pasta dinner tasty", "concert tickets sold out quickly", "weather sunny and warm today",
        "new phone launch review battery", "traffic jam on the highway again"};

    /** 40 background posts, one a minute from {@link #T0}. */
    static void background(GroupingEngine engine) {
        for (int i = 0; i < 40; i++) {
            engine.place(text("bg" + i, BACKGROUND[i % BACKGROUND.length], minutes(i)));
        }
    }

    /** A running event about a harbour fire (minutes 50-54), after the background posts; its first placement. */
    static Placement harbourFire(GroupingEngine engine) {
        background(engine);
        Placement first = engine.place(text("a1", "huge fire at the harbour warehouse tonight", minutes(50)));
        engine.place(text("a2", "harbour warehouse fire spreading, firefighters on site", minutes(52)));
        engine.place(text("a3", "smoke over the harbour, warehouse fire still burning", minutes(54)));
        return first;
    }
}
