package org.claimline.grouping.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.claimline.grouping.GroupingEngine;
import org.claimline.grouping.GroupingSettings;
import org.claimline.grouping.Placement;
import org.claimline.grouping.text.Hashing;
import org.claimline.grouping.PostEvidence;

/**
 * Measures the engine alone on one thread: synthetic posts spread over a fixed number of concurrently active events
 * (each with its own vocabulary, sometimes a place and an image), printing posts per second and heap after each block,
 * so that a flat heap and a steady rate show that the cost per post does not grow with the stream.
 *
 * <p>Usage: {@code EngineBenchmark [posts] [activeEvents] [block] [warmup]}, defaults 1,000,000, 10,000, 100,000 and 0.
 * The first {@code warmup} posts fill the hot set (events active within the hot window: the active events plus those
 * that ended within it, about {@code activeEvents} + 604,800 / 40 with a post per second) and are reported but not
 * counted in the rates; then {@code posts} posts are measured. {@code -Dclaimline.bench.commonWords=N} sets the shared
 * vocabulary (see {@link #DEFAULT_COMMON_WORDS}); {@code -Dclaimline.bench.digest=true} prints a digest of every
 * placement (ids come from a counter, so two engines that place alike print the same digest).
 */
public final class EngineBenchmark {

    private static final int DEFAULT_POSTS = 1_000_000;
    private static final int DEFAULT_EVENTS = 10_000;
    private static final int DEFAULT_BLOCK = 100_000;
    private static final int EVENT_WORDS = 12;
    private static final int POST_WORDS = 9;
    /**
     * Words shared by all events, half of each post's words. With 40, each is in ~11% of posts: common by the engine's
     * own measure (IDF under {@code minSharedIdf} 2.5, ~8%), as a real stream's shared vocabulary is. With 60 (before
     * session 6) each was in ~7% of posts, rare enough to be a shared informative term, so the first post of every new
     * event joined some running event on those words alone and one event absorbed new events without end: an event
     * that never went quiet, holding ~10,000 more storylines per 100,000 posts.
     */
    private static final int DEFAULT_COMMON_WORDS = 40;
    /**
     * Places of events on a grid. Before session 6 a slot had one place for all its events, so a new event's post with a
     * place scored {@code placeBonus} for the slot's previous event and merged with it: a slot's events chained into one
     * that never went quiet.
     */
    private static final int PLACE_ROWS = 120;
    private static final int PLACE_COLUMNS = 90;
    private static final int PLACES_PER_SLOT = 4;
    private static final int EVENT_LIFETIME_POSTS = 40;
    private static final long SECONDS_BETWEEN_POSTS = 1;
    private static final double SHARE_WITH_IMAGE = 0.3;
    private static final double SHARE_WITH_PLACE = 0.2;
    private static final int IMAGES_PER_EVENT = 3;
    private static final long SEED = 42;
    /**
     * Authors of one event (each event has its own). Before session 6 every post was by one of 50,000 accounts shared by
     * all events: a new event's first post (its own words never seen, so weak) shared its author, an informative term,
     * and the common words with the event that author had last posted in, and joined it; an event that formed from
     * common words early in the stream (before IDF knew them) took in new events that way without end. A tenth of
     * posts by shared accounts still fed it (see docs/grouping.md, "What still fails").
     */
    private static final int AUTHORS_PER_EVENT = 20;
    /**
     * Every event running at this post ends there and its slot starts a new one. The first events of the stream start
     * before IDF knows the shared words, and join one another on them; each then brings its later posts (by its
     * pictures and words) into the event they formed for as long as it runs (~111 synthetic hours on average): that
     * event took in ~1,000 posts per 100,000 until 1.5M posts. Ending them once IDF has learned the shared words (a few
     * thousand posts) lets it go quiet, and leave the hot set 168 h later, within the warm-up.
     */
    private static final int RENEWAL_POST = 20_000;
    /** Vocabularies (salts for {@link #spell}) and hash salts of the synthetic images. */
    private static final long COMMON = 1;
    private static final long TOPIC_WORDS = 2;
    private static final long TAGS = 3;
    private static final long AUTHOR_NAMES = 4;
    private static final long VOCABULARY_STRIDE = 8;
    private static final long SHA = 0x5A5A5A5A00000000L;
    private static final long PERCEPTUAL = 0x3C3C3C3C00000000L;
    private static final int MIN_LETTERS = 5;
    private static final int LENGTH_BITS = 2;
    private static final long LENGTH_MASK = 3;
    private static final int LETTER_BITS = 5;
    private static final int ALPHABET = 26;

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_POSTS;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_EVENTS;
        int block = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_BLOCK;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int commonWords = Integer.getInteger("claimline.bench.commonWords", DEFAULT_COMMON_WORDS);
        boolean digest = Boolean.getBoolean("claimline.bench.digest");
        // tuning runs: settings as -Dclaimline.grouping.<name>=<value>
        GroupingSettings settings = BenchSupport.settingsFromSystemProperties();
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
        long placementDigest = 0;
        Placement[] placed = digest ? new Placement[block] : null;
        System.out.println("posts,posts_per_second,posts_per_cpu_second,heap_mb,hot_events,phase");
        int total = warmup + posts;
        for (int from = 0; from < total; from += block) {
            // each block's posts are made before its clock starts: what is timed is the engine placing them
            int n = Math.min(block, (from < warmup ? warmup : total) - from);
            PostEvidence[] batch = new PostEvidence[n];
            for (int k = 0; k < n; k++) {
                int i = from + k;
                if (i == RENEWAL_POST) {
                    for (int e = 0; e < events; e++) {
                        generation[e]++;
                    }
                }
                int slot = random.nextInt(events);
                if (random.nextInt(EVENT_LIFETIME_POSTS) == 0) {
                    generation[slot]++;
                }
                batch[k] = post(i, slot, generation[slot], start.plusSeconds(i * SECONDS_BETWEEN_POSTS), random,
                        commonWords);
            }
            long blockStart = System.nanoTime();
            long blockCpuStart = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < n; k++) {
                Placement placement = engine.place(batch[k]);
                batch[k] = null;
                if (digest) {
                    placed[k] = placement;
                }
            }
            long nanos = System.nanoTime() - blockStart;
            long cpuNanos = threads.getCurrentThreadCpuTime() - blockCpuStart;
            boolean measured = from >= warmup;
            if (measured) {
                totalNanos += nanos;
                totalCpuNanos += cpuNanos;
            }
            if (digest) {
                for (int k = 0; k < n; k++) {
                    placementDigest = placementDigest * 31 + placed[k].toString().hashCode();
                    placed[k] = null;
                }
            }
            double heap = BenchSupport.heapAfterGcMb();
            System.out.printf(Locale.ROOT, "%d,%.0f,%.0f,%.0f,%d,%s%n", from + n, n / (nanos / 1e9),
                    n / (cpuNanos / 1e9), heap, engine.hotEvents(), measured ? "measured" : "warmup");
        }
        System.out.printf(Locale.ROOT, "{\"posts\":%d,\"warmup\":%d,\"active_events\":%d,\"common_words\":%d,"
                + "\"posts_per_second\":%.0f,\"posts_per_cpu_second\":%.0f%s}%n", posts, warmup, events, commonWords,
                posts / Math.max(1e-9, totalNanos / 1e9), posts / Math.max(1e-9, totalCpuNanos / 1e9),
                digest ? ",\"digest\":\"" + Long.toHexString(placementDigest) + "\"" : "");
    }

    private static PostEvidence post(int i, int slot, int generation, Instant at, SplittableRandom random,
            int commonWords) {
        long topic = (long) slot << Integer.SIZE | generation;
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < POST_WORDS; w++) {
            if (random.nextBoolean()) {
                text.append(spell(topic * EVENT_WORDS + random.nextInt(EVENT_WORDS), TOPIC_WORDS));
            } else {
                text.append(spell(random.nextInt(commonWords), COMMON));
            }
            text.append(' ');
        }
        text.append('#').append(spell(topic, TAGS));
        List<PostEvidence.Media> media = List.of();
        if (random.nextDouble() < SHARE_WITH_IMAGE) {
            long image = topic * IMAGES_PER_EVENT + random.nextInt(IMAGES_PER_EVENT);
            String sha = String.format(Locale.ROOT, "%016x%016x%016x%016x", Hashing.mix(image ^ SHA), Hashing.mix(image
                    ^ SHA + 1), Hashing.mix(image ^ SHA + 2), Hashing.mix(image ^ SHA + 3));
            String hash = String.format(Locale.ROOT, "%016x", Hashing.mix(image ^ PERCEPTUAL));
            media = List.of(new PostEvidence.Media(sha, hash, null, null, null));
        }
        PostEvidence.Place place = null;
        if (random.nextDouble() < SHARE_WITH_PLACE) {
            // each event has its own place: a slot's next event is a degree of longitude (over 55 km within 60 degrees of
            // the equator) from the last one, and other slots a degree of latitude or four of longitude away
            double lat = slot % PLACE_ROWS - (PLACE_ROWS - 1) / 2.0;
            double lon = -180.0 + (slot / PLACE_ROWS % PLACE_COLUMNS) * PLACES_PER_SLOT + generation % PLACES_PER_SLOT;
            place = new PostEvidence.Place(lat, lon, 5.0, null);
        }
        String author = spell(topic * AUTHORS_PER_EVENT + random.nextInt(AUTHORS_PER_EVENT), AUTHOR_NAMES);
        return new PostEvidence("p" + i, "bench", "e" + i, author, text.toString(), null, at, place, media, List.of(),
                null);
    }

    /**
     * A spelling of word {@code n} of a vocabulary: 5 to 8 letters drawn from a hash. Before session 6 words were spelt
     * {@code common12}, {@code w512g3x7}, {@code #tag512g3}: all words of a kind shared character 4-grams ("comm",
     * "ommo", "mmon"), so texts of unrelated events had SimHashes a few bits apart and were taken for copies of each
     * other (a copied text joins its copy's event and merges what else the post links), which made one event absorb
     * others without end. Letters from a hash share no more 4-grams than real words do.
     */
    static String spell(long n, long vocabulary) {
        long h = Hashing.mix(n * VOCABULARY_STRIDE + vocabulary);
        int length = MIN_LETTERS + (int) (h & LENGTH_MASK);
        char[] letters = new char[length];
        for (int k = 0; k < length; k++) {
            letters[k] = (char) ('a' + (int) Long.remainderUnsigned(h >>> (LENGTH_BITS + k * LETTER_BITS), ALPHABET));
        }
        return new String(letters);
    }
}
