package org.claimline.grouping.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.claimline.grouping.GroupingEngine;
import org.claimline.grouping.GroupingSettings;
import org.claimline.grouping.PostEvidence;

/**
 * Measures the engine alone on one thread: synthetic posts spread over a fixed number of concurrently active events
 * (each with its own vocabulary, sometimes a place and an image), printing posts per second and heap after each block,
 * so that a flat heap and a steady rate show that the cost per post does not grow with the stream.
 *
 * <p>Usage: {@code EngineBenchmark [posts] [activeEvents] [block]}, defaults 1,000,000, 10,000 and 100,000.
 */
public final class EngineBenchmark {

    private static final String SETTING_PREFIX = "claimline.grouping.";
    private static final int DEFAULT_POSTS = 1_000_000;
    private static final int DEFAULT_EVENTS = 10_000;
    private static final int DEFAULT_BLOCK = 100_000;
    private static final int EVENT_WORDS = 12;
    private static final int POST_WORDS = 9;
    private static final int COMMON_WORDS = 60;
    private static final int EVENT_LIFETIME_POSTS = 40;
    private static final long SECONDS_BETWEEN_POSTS = 1;
    private static final double SHARE_WITH_IMAGE = 0.3;
    private static final double SHARE_WITH_PLACE = 0.2;
    private static final int IMAGES_PER_EVENT = 3;
    private static final double MEGABYTE = 1024.0 * 1024.0;
    private static final long SEED = 42;
    private static final int AUTHORS = 50_000;

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_POSTS;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_EVENTS;
        int block = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_BLOCK;
        GroupingSettings settings = GroupingSettings.defaults();
        // tuning runs: settings as -Dclaimline.grouping.<name>=<value>
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(SETTING_PREFIX)) {
                settings = settings.with(name.substring(SETTING_PREFIX.length()), System.getProperty(name));
            }
        }
        // ids from a counter, as claims-service injects its own id source (random UUIDs would be measured otherwise)
        long[] nextId = {0};
        GroupingEngine engine = new GroupingEngine(settings, () -> "id" + (++nextId[0]));
        SplittableRandom random = new SplittableRandom(SEED);
        // each slot is one active event; after EVENT_LIFETIME_POSTS posts on average it is replaced by a new one
        int[] generation = new int[events];
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        // CPU time of this thread as well as wall time: on a shared machine the wall rate says more about the load
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long totalNanos = 0;
        long totalCpuNanos = 0;
        System.out.println("posts,posts_per_second,posts_per_cpu_second,heap_mb,hot_events");
        for (int from = 0; from < posts; from += block) {
            // each block's posts are made before its clock starts: what is timed is the engine placing them
            int n = Math.min(block, posts - from);
            PostEvidence[] batch = new PostEvidence[n];
            for (int k = 0; k < n; k++) {
                int i = from + k;
                int slot = random.nextInt(events);
                if (random.nextInt(EVENT_LIFETIME_POSTS) == 0) {
                    generation[slot]++;
                }
                batch[k] = post(i, slot, generation[slot], start.plusSeconds(i * SECONDS_BETWEEN_POSTS), random);
            }
            long blockStart = System.nanoTime();
            long blockCpuStart = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < n; k++) {
                engine.place(batch[k]);
                batch[k] = null;
            }
            long nanos = System.nanoTime() - blockStart;
            long cpuNanos = threads.getCurrentThreadCpuTime() - blockCpuStart;
            totalNanos += nanos;
            totalCpuNanos += cpuNanos;
            System.gc();
            Runtime rt = Runtime.getRuntime();
            double heap = (rt.totalMemory() - rt.freeMemory()) / MEGABYTE;
            System.out.printf(Locale.ROOT, "%d,%.0f,%.0f,%.0f,%d%n", from + n, n / (nanos / 1e9),
                    n / (cpuNanos / 1e9), heap, engine.hotEvents());
        }
        System.out.printf(Locale.ROOT, "{\"posts\":%d,\"active_events\":%d,\"posts_per_second\":%.0f,"
                + "\"posts_per_cpu_second\":%.0f}%n", posts, events, posts / Math.max(1e-9, totalNanos / 1e9),
                posts / Math.max(1e-9, totalCpuNanos / 1e9));
    }

    private static PostEvidence post(int i, int slot, int generation, Instant at, SplittableRandom random) {
        String topic = slot + "g" + generation;
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < POST_WORDS; w++) {
            if (random.nextBoolean()) {
                text.append("w").append(topic).append("x").append(random.nextInt(EVENT_WORDS));
            } else {
                text.append("common").append(random.nextInt(COMMON_WORDS));
            }
            text.append(' ');
        }
        text.append("#tag").append(topic);
        List<PostEvidence.Media> media = List.of();
        if (random.nextDouble() < SHARE_WITH_IMAGE) {
            int image = random.nextInt(IMAGES_PER_EVENT);
            String sha = String.format(Locale.ROOT, "%064x", (long) (topic + "i" + image).hashCode() & 0xFFFFFFFFL);
            String hash = String.format(Locale.ROOT, "%016x", (topic + "i" + image).hashCode() * 0x9E3779B97F4A7C15L);
            media = List.of(new PostEvidence.Media(sha, hash, null, null, null));
        }
        PostEvidence.Place place = null;
        if (random.nextDouble() < SHARE_WITH_PLACE) {
            place = new PostEvidence.Place((slot % 160) - 80.0, (slot / 160 % 360) - 180.0, 5.0, null);
        }
        return new PostEvidence("p" + i, "bench", "e" + i, "author" + random.nextInt(AUTHORS), text.toString(), null,
                at, place, media, List.of(), null);
    }
}
