package org.claimline.tools.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.claimline.contracts.ContractJson;

/** A latency distribution recorded in microseconds and reported in milliseconds. */
public final class LatencyStats {

    private static final long MAX_MICROS = 600_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final double MICROS_PER_MILLI = 1000.0;

    private final Histogram histogram = new ConcurrentHistogram(MAX_MICROS, SIGNIFICANT_DIGITS);

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos / 1000, 0), MAX_MICROS));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / MICROS_PER_MILLI;
    }

    public ObjectNode json() {
        ObjectNode node = ContractJson.mapper().createObjectNode();
        node.put("p50", round(percentileMillis(50)));
        node.put("p95", round(percentileMillis(95)));
        node.put("p99", round(percentileMillis(99)));
        node.put("max", round(histogram.getMaxValue() / MICROS_PER_MILLI));
        return node;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
