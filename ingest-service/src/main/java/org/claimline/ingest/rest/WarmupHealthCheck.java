package org.claimline.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.claimline.ingest.service.Warmup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the start-up rehearsal's request has been answered, so the first real post finds a warm path. */
@Readiness
@ApplicationScoped
public class WarmupHealthCheck implements HealthCheck {

    private final Warmup warmup;

    public WarmupHealthCheck(Warmup warmup) {
        this.warmup = warmup;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("start-up-rehearsal").status(warmup.isDone()).build();
    }
}
