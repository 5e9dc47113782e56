package org.claimline.tools.bench;

/** How the bench sends its posts: each of ingest's ways in, so their accepted rates can be compared. */
public enum BenchFormat {
    /** One JSON post per {@code POST /api/v1/posts}. */
    JSON,
    /** Many posts per {@code POST /api/v1/posts/batch} (NDJSON). */
    BATCH,
    /** One post and its image per {@code multipart/form-data} {@code POST /api/v1/posts}. */
    MULTIPART;

    int postsPerRequest(int batchSize) {
        return this == BATCH ? batchSize : 1;
    }
}
