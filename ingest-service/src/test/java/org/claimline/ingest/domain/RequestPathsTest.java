package org.claimline.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestPathsTest {

    private static final String SHA = "ab".repeat(32);

    @Test
    void canonicalSpellingFoldsEveryTrick() {
        assertEquals("/api/v1/posts", RequestPaths.canonical("/API//v1/./x/../Posts/"));
        assertEquals("/api/v1/posts", RequestPaths.canonical("/api%2Fv1%2Fposts"));
        assertEquals("/api/v1/posts", RequestPaths.canonical("/api/v1/posts%252F"));
        assertEquals("/api/v1/posts", RequestPaths.canonical("/api/v1;a=b/posts;c"));
        assertEquals("/api/v1/posts", RequestPaths.canonical("\\api\\v1\\posts"));
        assertNull(RequestPaths.canonical("/api/v1/%zz"));
    }

    @Test
    void onlyStrippedMediaAndOperationalReadsArePublic() {
        assertTrue(RequestPaths.isPublic("GET", "/api/v1/media/" + SHA));
        assertTrue(RequestPaths.isPublic("GET", "/api/v1/media/" + SHA + "/thumbnail"));
        assertTrue(RequestPaths.isPublic("GET", "/q/health/ready"));
        assertFalse(RequestPaths.isPublic("POST", "/api/v1/media/" + SHA));
        assertFalse(RequestPaths.isPublic("GET", "/api/v1/media/" + SHA + "/original"));
        assertFalse(RequestPaths.isPublic("GET", "/api/v1/media/" + SHA + "/thumbnail/../original"));
        assertFalse(RequestPaths.isPublic("GET", "/q/health/../../api/v1/posts/x"));
        assertFalse(RequestPaths.isPublic("GET", "/api/v1/posts/x"));
        assertFalse(RequestPaths.isPublic("GET", "/api/v1/media/" + SHA + "%00"));
    }
}
