package org.claimline.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.claimline.ingest.repository.PostLogWriter;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the post log's database refuses batches: POSTs are answered 503 meanwhile. */
@Readiness
@ApplicationScoped
public class PostLogHealthCheck implements HealthCheck {

    private final PostLogWriter writer;

    public PostLogHealthCheck(PostLogWriter writer) {
        this.writer = writer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("post-log")
                .status(writer.databaseUp())
                .withData("rowsWritten", writer.rowsWritten())
                .withData("batchesWritten", writer.batchesWritten())
                .build();
    }
}
