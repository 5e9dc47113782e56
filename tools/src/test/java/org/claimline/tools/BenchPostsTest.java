package org.claimline.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimline.contracts.ContractJson;
import org.claimline.tools.bench.BenchImages;
import org.claimline.tools.bench.BenchPosts;
import org.junit.jupiter.api.Test;

class BenchPostsTest {

    @Test
    void everyPostHasAUniqueExternalIdAndTheRequiredFields() throws Exception {
        BenchPosts posts = new BenchPosts("run1", List.of("aa", "bb"), 7);
        Set<String> ids = new HashSet<>();
        int withMedia = 0;
        for (int n = 0; n < 1000; n++) {
            JsonNode post = ContractJson.mapper().readTree(posts.post(n, Instant.parse("2026-01-01T00:00:00Z")));
            ids.add(post.path("platform").asText() + "/" + post.path("externalId").asText());
            assertTrue(post.path("text").asText().length() > 10);
            assertEquals("2026-01-01T00:00:00Z", post.path("postedAt").asText());
            withMedia += post.has("media") ? 1 : 0;
        }
        assertEquals(1000, ids.size());
        assertTrue(withMedia > 50 && withMedia < 200, "about a tenth carry an image: " + withMedia);
    }

    @Test
    void anImageIsPostedInOneSceneOnlySoScenesStaySeparateEvents() throws Exception {
        List<String> images = List.of("i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7");
        BenchPosts posts = new BenchPosts("run3", images, 11);
        Map<String, Set<String>> placesOfImage = new HashMap<>();
        for (int n = 0; n < 4000; n++) {
            JsonNode post = ContractJson.mapper().readTree(posts.post(n, Instant.parse("2026-01-01T00:00:00Z")));
            if (post.has("media")) {
                placesOfImage.computeIfAbsent(post.path("media").get(0).path("sha256").asText(), k -> new HashSet<>())
                        .add(post.path("place").path("name").asText());
            }
        }
        assertEquals(images.size(), placesOfImage.size(), "every image is used: " + placesOfImage.keySet());
        placesOfImage.forEach((image, places) -> assertEquals(1, places.size(), image + " is posted in " + places));
    }

    @Test
    void generatedImagesAreDistinctPngs() {
        byte[] a = BenchImages.png(1);
        byte[] b = BenchImages.png(2);
        assertEquals((byte) 0x89, a[0]);
        assertEquals('P', a[1]);
        assertNotEquals(java.util.Arrays.hashCode(a), java.util.Arrays.hashCode(b));
    }

    @Test
    void multipartPostsCarryTheirImageInsteadOfAReference() throws Exception {
        BenchPosts posts = new BenchPosts("run2", List.of("aa"), 3);
        for (int n = 0; n < 200; n++) {
            JsonNode post = ContractJson.mapper().readTree(posts.postWithoutMedia(n, Instant.now()));
            assertTrue(!post.has("media"), "post " + n + " references media");
            assertEquals((byte) 0x89, posts.image(n)[0]);
        }
        assertEquals(java.util.Arrays.hashCode(posts.image(1)),
                java.util.Arrays.hashCode(posts.image(1 + BenchImages.DISTINCT)), "a few images, repeated");
    }
}
