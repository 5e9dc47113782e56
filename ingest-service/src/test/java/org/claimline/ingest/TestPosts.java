package org.claimline.ingest;

import java.util.UUID;

/** Keys of the %test profile and post bodies for tests. */
public final class TestPosts {

    public static final String INGEST_KEY = "test-ingest-key";
    public static final String SECOND_INGEST_KEY = "second-ingest-key";
    public static final String EDITOR_KEY = "test-editor-key";

    private TestPosts() {
    }

    public static String bearer(String key) {
        return "Bearer " + key;
    }

    /** A fresh external id, so tests sharing one database and topic never collide. */
    public static String uniqueId() {
        return UUID.randomUUID().toString();
    }

    /** A complete, valid post. */
    public static String post(String externalId) {
        return """
                {"platform": "x", "externalId": "%s", "url": "https://x.com/salah_ashkar/status/%s",
                 "author": {"handle": "@salah_ashkar", "displayName": "Salah Ashkar"},
                 "text": "At home waiting for the inevitable fate", "lang": "en",
                 "postedAt": "2016-12-13T09:12:00Z",
                 "place": {"name": "East Aleppo, Syria", "lat": 36.20, "lon": 37.17, "radiusKm": 5},
                 "tags": ["aleppo"], "inReplyTo": null}
                """.formatted(externalId, externalId);
    }

    /** The smallest valid post. */
    public static String minimal(String externalId, String text) {
        return """
                {"platform": "x", "externalId": "%s", "postedAt": "2016-12-13T09:12:00Z", "text": "%s"}
                """.formatted(externalId, text);
    }
}
