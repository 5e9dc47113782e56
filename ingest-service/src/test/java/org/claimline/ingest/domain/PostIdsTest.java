package org.claimline.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostIdsTest {

    @Test
    void sameIdForTheSamePostAndDifferentIdsOtherwise() {
        assertEquals(PostIds.of("x", "806835219191648256"), PostIds.of("x", "806835219191648256"));
        assertNotEquals(PostIds.of("x", "1"), PostIds.of("facebook", "1"));
        assertNotEquals(PostIds.of("a", "bc"), PostIds.of("ab", "c"));
    }

    @Test
    void idsAreVersion5NameBasedUuids() {
        UUID id = UUID.fromString(PostIds.of("x", "1"));
        assertEquals(5, id.version());
        assertEquals(2, id.variant());
    }
}
