package org.claimline.ingest.rest;

import static org.claimline.ingest.TestPosts.EDITOR_KEY;
import static org.claimline.ingest.TestPosts.INGEST_KEY;
import static org.claimline.ingest.TestPosts.bearer;
import static org.claimline.ingest.TestPosts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Set;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.claimline.ingest.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Auth holds for every spelling of a protected path (case, trailing slash, dot segments, encoded characters, double
 * slashes, matrix parameters): without a key always 401; with a key of the wrong role never a 2xx.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PathSpellingAuthTest {

    private static final String SHA = "0123456789abcdef".repeat(4);
    private static final Set<Integer> REFUSED_WITH_KEY = Set.of(403, 404, 405, 415);

    @TestHTTPResource("/")
    URL root;

    static List<String> postSpellings() {
        return List.of("/api/v1/posts", "/api/v1/posts/", "/API/V1/POSTS", "/Api/v1/Posts", "/api/v1//posts",
                "//api/v1/posts", "/api/v1/./posts", "/api/v1/x/../posts", "/api/v1/%70osts", "/api%2Fv1%2Fposts",
                "/api/v1/posts%2F", "/api/v1/posts;jsessionid=1", "/api/v1/posts?x=1", "/api/v1/posts/batch",
                "/api/v1/POSTS/batch/", "/api/v1/posts%2Fbatch", "/q/../api/v1/posts", "/q/health/../../api/v1/posts",
                "/q/health/..%2F..%2Fapi/v1/posts", "/q/health%2F..%2F..%2Fapi%2Fv1%2Fposts", "/api/v1/posts%252F",
                "/api/v1/media", "/api/v1/media/", "/API/v1/MEDIA", "/api/v1/%6Dedia");
    }

    static List<String> editorOnlySpellings() {
        return List.of("/api/v1/media/" + SHA + "/original", "/api/v1/media/" + SHA + "/original/",
                "/API/V1/MEDIA/" + SHA + "/ORIGINAL", "/api/v1/media//" + SHA + "//original",
                "/api/v1/media/" + SHA + "/./original", "/api/v1/media/" + SHA + "/thumbnail/../original",
                "/api/v1/media/" + SHA + "%2Foriginal", "/api/v1/media/" + SHA + "/%6Friginal",
                "/api/v1/media/" + SHA + "/original;x=1", "/api/v1/media/" + SHA + "/original?x=1");
    }

    static List<String> readSpellings() {
        return List.of("/api/v1/posts/abc", "/api/v1/posts/abc/", "/API/V1/POSTS/abc", "/api/v1//posts/abc",
                "/api/v1/posts/%61bc", "/q/health/../../api/v1/posts/abc");
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("postSpellings")
    void writesNeedAnIngestKeyInEverySpelling(String path) {
        assertEquals(401, RawHttp.status(root.getPort(), "POST", path, null, post("spelling")));
        assertEquals(401, RawHttp.status(root.getPort(), "POST", path, "Bearer wrong-key", post("spelling")));
        int withEditorKey = RawHttp.status(root.getPort(), "POST", path, bearer(EDITOR_KEY), post("spelling"));
        assertTrue(REFUSED_WITH_KEY.contains(withEditorKey), path + " with an editor key gave " + withEditorKey);
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("editorOnlySpellings")
    void originalsNeedAnEditorKeyInEverySpelling(String path) {
        assertEquals(401, RawHttp.status(root.getPort(), "GET", path, null, null));
        int withIngestKey = RawHttp.status(root.getPort(), "GET", path, bearer(INGEST_KEY), null);
        assertTrue(REFUSED_WITH_KEY.contains(withIngestKey), path + " with an ingest key gave " + withIngestKey);
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("readSpellings")
    void readsOfPostsNeedAKeyInEverySpelling(String path) {
        assertEquals(401, RawHttp.status(root.getPort(), "GET", path, null, null));
    }
}
