package org.claimline.web.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityHistogramTest {

    private static final Instant T0 = Instant.parse("2016-12-13T09:00:00Z");
    private final ActivityHistogram histogram = new ActivityHistogram(48, 6, 2.0, 3);

    @Test
    void aSuddenRiseAboveTheRecentMeanIsAPeak() {
        List<ActivityHistogram.Count> counts = new ArrayList<>();
        for (int minute = 0; minute < 20; minute++) {
            counts.add(new ActivityHistogram.Count(T0.plusSeconds(minute * 60L), minute == 12 ? 30 : 2));
        }
        ActivityHistogram.Chart chart = histogram.chart(counts);
        assertEquals(60, chart.barSeconds());
        assertEquals(20, chart.bars().size());
        for (int i = 0; i < chart.bars().size(); i++) {
            assertEquals(i == 12, chart.bars().get(i).peak(), "bar " + i);
        }
    }

    @Test
    void steadyActivityHasNoPeaks() {
        List<ActivityHistogram.Count> counts = new ArrayList<>();
        for (int minute = 0; minute < 30; minute++) {
            counts.add(new ActivityHistogram.Count(T0.plusSeconds(minute * 60L), 5 + (minute % 2)));
        }
        assertTrue(histogram.chart(counts).bars().stream().noneMatch(ActivityHistogram.Bar::peak));
    }

    @Test
    void aLongSpanIsBinnedIntoAtMostMaxBarsAndKeepsEveryPost() {
        List<ActivityHistogram.Count> counts = new ArrayList<>();
        for (int hour = 0; hour < 72; hour++) {
            counts.add(new ActivityHistogram.Count(T0.plusSeconds(hour * 3600L), 1));
        }
        ActivityHistogram.Chart chart = histogram.chart(counts);
        assertTrue(chart.bars().size() <= 48);
        assertEquals(72, chart.bars().stream().mapToInt(ActivityHistogram.Bar::posts).sum());
        assertFalse(chart.bars().isEmpty());
    }

    @Test
    void storylinesShareTheEventFrame() {
        ActivityHistogram.Frame frame = histogram.frame(T0, T0.plusSeconds(3600));
        ActivityHistogram.Chart storyline = histogram.chart(frame,
                List.of(new ActivityHistogram.Count(T0.plusSeconds(1800), 4)));
        assertEquals(frame.bars(), storyline.bars().size());
        assertEquals(4, storyline.bars().stream().mapToInt(ActivityHistogram.Bar::posts).sum());
    }
}
