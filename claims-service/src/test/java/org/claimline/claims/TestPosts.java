package org.claimline.claims;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.claimline.contracts.ClaimedAuthor;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostAccepted;

/** Accepted posts for tests, each test in a place of its own so that tests never share an event. */
public final class TestPosts {

    private TestPosts() {
    }

    /** A random spot far from every other test's (cells are half a degree). */
    public static Place somewhere() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new Place(null, r.nextInt(-120, 120) * 0.5 + 0.25, r.nextInt(-300, 300) * 0.5 + 0.25, 1.0);
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static PostAccepted post(String id, String author, Place place, Instant postedAt, String text) {
        return new PostAccepted(PostAccepted.SCHEMA_VERSION, id, "x", id, "https://x.com/" + author + "/" + id,
                new ClaimedAuthor(author, author.toUpperCase()), text, "en", postedAt, Instant.now(), place, List.of(),
                List.of("test"), null);
    }
}
