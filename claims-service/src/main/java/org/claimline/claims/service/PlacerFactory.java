package org.claimline.claims.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.claimline.claims.config.ClaimsConfig;
import org.claimline.claims.domain.Placer;
import org.claimline.claims.domain.SimplePlacer;

/** Makes a fresh, empty placer; the one place that decides which placement rule claims runs. */
@ApplicationScoped
public class PlacerFactory {

    private final ClaimsConfig config;

    public PlacerFactory(ClaimsConfig config) {
        this.config = config;
    }

    public Placer create() {
        ClaimsConfig.Placement p = config.placement();
        return new SimplePlacer(p.cellDegrees(), p.window(), p.maxPlaces());
    }
}
