package org.claimline.claims.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.claimline.claims.config.ClaimsConfig;
import org.claimline.claims.domain.EnginePlacer;
import org.claimline.claims.domain.Placer;
import org.claimline.claims.domain.SimplePlacer;
import org.claimline.grouping.GroupingEngine;
import org.claimline.grouping.GroupingSettings;

/** Makes a fresh, empty placer; the one place that decides which placement rule claims runs. */
@ApplicationScoped
public class PlacerFactory {

    private final ClaimsConfig config;

    public PlacerFactory(ClaimsConfig config) {
        this.config = config;
    }

    public Placer create() {
        ClaimsConfig.Placement p = config.placement();
        if (p.rule() == ClaimsConfig.Rule.SIMPLE) {
            return new SimplePlacer(p.cellDegrees(), p.window(), p.maxPlaces());
        }
        return new EnginePlacer(new GroupingEngine(settings()));
    }

    /** The engine's documented defaults with any {@code claimline.grouping.<setting>} given in configuration. */
    GroupingSettings settings() {
        GroupingSettings settings = GroupingSettings.defaults();
        for (Map.Entry<String, String> override : config.grouping().entrySet()) {
            settings = settings.with(override.getKey(), override.getValue());
        }
        return settings;
    }
}
