package org.claimline.grouping.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.claimline.grouping.GroupingEngine;
import org.claimline.grouping.GroupingSettings;
import org.claimline.grouping.PostEvidence;

/**
 * Measures what the hot set costs at its worst: events whose posts keep bringing words never seen before (names,
 * misspellings, links), so that every event fills its term map and the index holds a posting list per term, and none
 * shares a word with another. The heap after GC per block shows the cost per hot event and that it stops growing once
 * {@code maxHotEvents} is reached; claims-service's heap is sized from it (docs/operations.md).
 *
 * <p>Usage: {@code HotSetBenchmark [posts] [postsPerEvent] [block]}, defaults 1,500,000, 20 and 100,000; settings as
 * {@code -Dclaimline.grouping.<name>=<value>} (e.g. {@code maxHotEvents}).
 */
public final class HotSetBenchmark {

    private static final int DEFAULT_POSTS = 1_500_000;
    private static final int DEFAULT_POSTS_PER_EVENT = 20;
    private static final int DEFAULT_BLOCK = 100_000;
    /** An event's own vocabulary, and how many of its words a post uses. */
    private static final int EVENT_WORDS = 30;
    private static final int POST_EVENT_WORDS = 8;
    /** Words of a post never seen before or after it. */
    private static final int POST_NEW_WORDS = 6;
    private static final int MIN_LETTERS = 5;
    private static final int EXTRA_LETTERS = 5;
    /** Ten posts a second: the hot window (a week) would hold six million posts, so the cap is what bounds the set. */
    private static final long MILLIS_BETWEEN_POSTS = 100;
    private static final double MAX_LATITUDE = 60;
    private static final long SEED = 7;
    private static final int ALPHABET = 26;
    private static final double MEGABYTE = 1024.0 * 1024.0;

    private HotSetBenchmark() {
    }

    public static void main(String[] args) {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_POSTS;
        int perEvent = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_POSTS_PER_EVENT;
        int block = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_BLOCK;
        // tuning runs: settings as -Dclaimline.grouping.<name>=<value>
        GroupingSettings settings = BenchSupport.settingsFromSystemProperties();
        long[] nextId = {0};
        GroupingEngine engine = new GroupingEngine(settings, () -> "id" + (++nextId[0]));
        SplittableRandom random = new SplittableRandom(SEED);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        double empty = BenchSupport.heapAfterGcMb();
        double heap = empty;
        System.out.println("posts,hot_events,heap_mb,bytes_per_hot_event");
        for (int i = 0; i < posts; i++) {
            engine.place(post(i, i / perEvent, start.plusMillis(i * MILLIS_BETWEEN_POSTS), random));
            if ((i + 1) % block == 0) {
                heap = BenchSupport.heapAfterGcMb();
                System.out.printf(Locale.ROOT, "%d,%d,%.0f,%.0f%n", i + 1, engine.hotEvents(), heap,
                        (heap - empty) * MEGABYTE / Math.max(1, engine.hotEvents()));
            }
        }
        System.out.printf(Locale.ROOT, "{\"posts\":%d,\"posts_per_event\":%d,\"max_hot_events\":%d,\"hot_events\":%d,"
                + "\"empty_heap_mb\":%.0f,\"heap_mb\":%.0f}%n", posts, perEvent, settings.maxHotEvents(),
                engine.hotEvents(), empty, heap);
    }

    private static PostEvidence post(int i, int event, Instant at, SplittableRandom random) {
        SplittableRandom own = new SplittableRandom(SEED ^ ((long) event << 20));
        double lat = (own.nextDouble() * 2 - 1) * MAX_LATITUDE;
        double lon = own.nextDouble() * 360 - 180;
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < POST_EVENT_WORDS; w++) {
            text.append(word(new SplittableRandom(((long) event * EVENT_WORDS + random.nextInt(EVENT_WORDS)) * 31 + 17)))
                    .append(' ');
        }
        for (int w = 0; w < POST_NEW_WORDS; w++) {
            text.append(word(random)).append(' ');
        }
        return new PostEvidence("p" + i, "bench", "e" + i, "@" + word(random), text.toString().strip(), null, at,
                new PostEvidence.Place(lat, lon, 5.0, null), List.of(), List.of(), null);
    }

    private static String word(SplittableRandom random) {
        int n = MIN_LETTERS + random.nextInt(EXTRA_LETTERS);
        char[] letters = new char[n];
        for (int k = 0; k < n; k++) {
            letters[k] = (char) ('a' + random.nextInt(ALPHABET));
        }
        return new String(letters);
    }
}
