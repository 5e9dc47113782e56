package org.claimline.claims;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.claimline.contracts.ClaimedAuthor;
import org.claimline.contracts.MediaFingerprint;
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

    /** A new image identity; its perceptual hash is far from every other image's. */
    public static String newImage() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    public static PostAccepted post(String id, String author, Place place, Instant postedAt, String text,
            String... images) {
        List<MediaFingerprint> media = new ArrayList<>();
        for (String sha : images) {
            String phash = String.format(Locale.ROOT, "%016x", new Random(sha.hashCode()).nextLong());
            media.add(new MediaFingerprint(sha, "image/jpeg", 1000, 640, 480, phash, null, null, null, null));
        }
        return new PostAccepted(PostAccepted.SCHEMA_VERSION, id, "x", id, "https://x.com/" + author + "/" + id,
                new ClaimedAuthor(author, author.toUpperCase(Locale.ROOT)), text, "en", postedAt, Instant.now(), place,
                media, List.of(), null);
    }
}
