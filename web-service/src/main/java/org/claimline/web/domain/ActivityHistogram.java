package org.claimline.web.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns per-minute post counts into a chart of at most a given number of bars and marks peaks: bars that rise
 * sharply above the mean of the bars just before them. Pure logic, unit-tested alone.
 */
public final class ActivityHistogram {

    /** Bar widths a reader can take in at a glance, smallest first. */
    private static final List<Duration> WIDTHS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
            Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(30));

    private final int maxBars;
    private final int window;
    private final double sigma;
    private final int minPosts;

    /**
     * @param maxBars most bars in a chart
     * @param window how many earlier bars make the "recent mean"
     * @param sigma how many standard deviations above that mean a peak rises
     * @param minPosts fewest posts in a bar that can be a peak
     */
    public ActivityHistogram(int maxBars, int window, double sigma, int minPosts) {
        this.maxBars = maxBars;
        this.window = window;
        this.sigma = sigma;
        this.minPosts = minPosts;
    }

    /** A count at a time (a minute of the read model). */
    public record Count(Instant at, int posts) {
    }

    /** One bar. */
    public record Bar(Instant at, int posts, boolean peak) {
    }

    /** A chart: bars from {@code start}, each {@code barSeconds} wide. */
    public record Chart(Instant start, long barSeconds, List<Bar> bars) {

        public static Chart empty() {
            return new Chart(null, 0, List.of());
        }
    }

    /** The frame shared by the charts of one event, so that storylines line up with the event. */
    public record Frame(Instant start, Duration width, int bars) {
    }

    public Frame frame(Instant first, Instant last) {
        Duration span = Duration.between(first, last);
        Duration width = WIDTHS.get(WIDTHS.size() - 1);
        for (Duration candidate : WIDTHS) {
            if (span.toSeconds() / candidate.toSeconds() < maxBars) {
                width = candidate;
                break;
            }
        }
        long startSeconds = Math.floorDiv(first.getEpochSecond(), width.toSeconds()) * width.toSeconds();
        Instant start = Instant.ofEpochSecond(startSeconds);
        int bars = (int) Math.min(maxBars, Duration.between(start, last).toSeconds() / width.toSeconds() + 1);
        return new Frame(start, width, bars);
    }

    public Chart chart(Frame frame, List<Count> counts) {
        int[] posts = new int[frame.bars()];
        for (Count count : counts) {
            long index = Duration.between(frame.start(), count.at()).toSeconds() / frame.width().toSeconds();
            if (index >= 0 && index < posts.length) {
                posts[(int) index] += count.posts();
            }
        }
        List<Bar> bars = new ArrayList<>(posts.length);
        for (int i = 0; i < posts.length; i++) {
            bars.add(new Bar(frame.start().plus(frame.width().multipliedBy(i)), posts[i], isPeak(posts, i)));
        }
        return new Chart(frame.start(), frame.width().toSeconds(), bars);
    }

    /** One chart of counts alone (no shared frame). */
    public Chart chart(List<Count> counts) {
        if (counts.isEmpty()) {
            return Chart.empty();
        }
        Instant first = counts.stream().map(Count::at).min(Instant::compareTo).orElseThrow();
        Instant last = counts.stream().map(Count::at).max(Instant::compareTo).orElseThrow();
        return chart(frame(first, last), counts);
    }

    private boolean isPeak(int[] posts, int index) {
        if (posts[index] < minPosts) {
            return false;
        }
        int from = Math.max(0, index - window);
        int n = index - from;
        if (n == 0) {
            return false;
        }
        double mean = 0;
        for (int i = from; i < index; i++) {
            mean += posts[i];
        }
        mean /= n;
        double variance = 0;
        for (int i = from; i < index; i++) {
            variance += (posts[i] - mean) * (posts[i] - mean);
        }
        double deviation = Math.sqrt(variance / n);
        return posts[index] > mean + sigma * Math.max(deviation, 1.0);
    }
}
