package org.claimline.web.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PageTagTest {

    @Test
    void aTagReadsBackAsItsVersion() {
        assertEquals("\"p42\"", PageTag.format(42));
        assertEquals(Set.of(42L), PageTag.parse(PageTag.format(42)));
    }

    @Test
    void listsAndWeakTagsNameEachVersion() {
        assertEquals(Set.of(7L, 9L), PageTag.parse("\"p7\", W/\"p9\""));
    }

    @Test
    void foreignOrBrokenTagsMatchNothing() {
        assertEquals(Set.of(), PageTag.parse(null));
        assertEquals(Set.of(), PageTag.parse("*"));
        assertEquals(Set.of(), PageTag.parse("\"abc\", \"p\", \"pxyz\", p5, \"p99999999999999999999\""));
    }
}
