package org.claimline.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.claimline.contracts.ClaimedAuthor;
import org.claimline.contracts.MediaFingerprint;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostAccepted;
import org.junit.jupiter.api.Test;

class PostValidatorTest {

    private static final Instant AT = Instant.parse("2016-12-13T09:00:00Z");
    private final PostValidator validator = new PostValidator(128);

    @Test
    void aCompletePostPasses() {
        assertTrue(validator.check(post("p1", "fine 🙂 text", new Place("Aleppo", 36.2, 37.1, 5.0))).isEmpty());
    }

    @Test
    void aPostWithoutPlaceOrTextPasses() {
        assertTrue(validator.check(post("p1", null, null)).isEmpty());
    }

    @Test
    void textThatPostgresRefusesIsCaughtWithItsField() {
        assertEquals("text", validator.check(post("p1", "bad\u0000text", null)).orElseThrow().field());
        assertEquals("text", validator.check(post("p1", "lone \ud800 surrogate", null)).orElseThrow().field());
        assertEquals("place.name", validator.check(post("p1", "ok", new Place("x\u0000", null, null, null)))
                .orElseThrow().field());
    }

    @Test
    void missingIdOrTimeAndImpossibleCoordinatesAreCaught() {
        assertEquals("id", validator.check(post(" ", "t", null)).orElseThrow().field());
        assertEquals("id", validator.check(post("x".repeat(129), "t", null)).orElseThrow().field());
        PostAccepted noTime = new PostAccepted(1, "p", "x", "p", null, null, "t", null, null, AT, null, List.of(),
                List.of(), null);
        assertEquals("postedAt", validator.check(noTime).orElseThrow().field());
        assertEquals("place.lat", validator.check(post("p", "t", new Place(null, 91.0, 0.0, null))).orElseThrow().field());
        assertEquals("place.lon", validator.check(post("p", "t", new Place(null, 0.0, -181.0, null))).orElseThrow().field());
        assertEquals("place.lat", validator.check(post("p", "t", new Place(null, 1.0, null, null))).orElseThrow().field());
    }

    @Test
    void mediaTextIsCheckedToo() {
        MediaFingerprint bad = new MediaFingerprint("abc", "image/jpeg", 1, 1, 1, null, null, null, null, "cam\u0000");
        PostAccepted post = new PostAccepted(1, "p", "x", "p", null, null, "t", null, AT, AT, null, List.of(bad),
                List.of(), null);
        assertEquals("media[0].camera", validator.check(post).orElseThrow().field());
    }

    private static PostAccepted post(String id, String text, Place place) {
        return new PostAccepted(1, id, "x", id, null, new ClaimedAuthor("@a", "A"), text, "en", AT, AT, place,
                List.of(), List.of("aleppo"), null);
    }
}
