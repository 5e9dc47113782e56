package org.claimline.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.claimline.ingest.repository.PostLogWriter;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Not live if the post log's writer thread ever died: nothing else would write the log, so the process must restart. */
@Liveness
@ApplicationScoped
public class PostLogLivenessCheck implements HealthCheck {

    private final PostLogWriter writer;

    public PostLogLivenessCheck(PostLogWriter writer) {
        this.writer = writer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("post-log-writer").status(writer.isAlive()).build();
    }
}
