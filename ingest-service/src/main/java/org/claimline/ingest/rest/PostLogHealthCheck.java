package org.claimline.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.claimline.ingest.repository.DatabaseGate;
import org.claimline.ingest.repository.PostLogWriter;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while ingest's database is known to be unreachable: posts and database reads are answered 503 meanwhile. */
@Readiness
@ApplicationScoped
public class PostLogHealthCheck implements HealthCheck {

    private final PostLogWriter writer;
    private final DatabaseGate gate;

    public PostLogHealthCheck(PostLogWriter writer, DatabaseGate gate) {
        this.writer = writer;
        this.gate = gate;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("post-log")
                .status(gate.isUp())
                .withData("pendingRows", writer.pendingRows())
                .withData("rowsWritten", writer.rowsWritten())
                .withData("batchesWritten", writer.batchesWritten())
                .withData("rowsDropped", writer.rowsDropped())
                .build();
    }
}
