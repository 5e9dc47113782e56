package org.claimline.web.rest;

import java.time.Instant;
import java.util.List;
import org.claimline.web.domain.ActivityHistogram;

/** An activity chart: bars of posts from {@code start}, each {@code barSeconds} wide, peaks marked. */
public record ActivityView(Instant start, long barSeconds, List<ActivityHistogram.Bar> bars) {

    static ActivityView from(ActivityHistogram.Chart chart) {
        return chart == null ? null : new ActivityView(chart.start(), chart.barSeconds(), chart.bars());
    }
}
