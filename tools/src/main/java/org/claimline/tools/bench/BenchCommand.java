package org.claimline.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleFunction;
import org.claimline.contracts.ContractJson;
import org.claimline.tools.StackOptions;
import org.claimline.tools.cpu.StackCpu;
import org.claimline.tools.http.IngestClient;
import org.claimline.tools.http.SseListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./claimline bench}: drives the running stack through its public HTTP API at a fixed offered rate (and, with
 * {@code --read-rate}, reads timelines meanwhile) and prints, as its last line, one JSON object with throughput,
 * POST→202, POST→SSE and read latency, errors, losses and how long the stack took to catch up after sending.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the running stack end to end (open model, HdrHistogram).")
public final class BenchCommand implements Callable<Integer> {

    /** The find-max criterion: the highest rate whose p99 POST→SSE (POST→202 for ingest alone) stays within this. */
    private static final double MAX_P99_MS = 1000;
    private static final int SEARCH_STEPS = 3;
    /** Below this offered rate, find-max stops halving and reports that nothing held. */
    private static final double MIN_RATE = 5;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /** How long reads still awaiting an answer at the end of the run are waited for: a little over their timeout. */
    private static final Duration READ_GIVE_UP = TimelineReader.REQUEST_TIMEOUT.plusSeconds(1);

    @Mixin
    StackOptions stack;

    @Option(names = "--rate", defaultValue = "1000", description = "posts per second offered (default 1000)")
    double rate;

    @Option(names = "--seconds", defaultValue = "30", description = "duration of a run (default 30)")
    int seconds;

    @Option(names = "--drain-seconds", defaultValue = "30",
            description = "how long to wait for late arrivals after sending (default 30); caught_up_ms is the time "
                    + "from the end of sending to the last accepted post's arrival, null if one missed the drain")
    int drainSeconds;

    @Option(names = "--format", defaultValue = "json",
            description = "how posts are sent: json (one per request), batch (NDJSON), multipart (post + image)")
    String format;

    @Option(names = "--batch-size", defaultValue = "100", description = "posts per batch request (default 100)")
    int batchSize;

    @Option(names = "--warmup-seconds", defaultValue = "15",
            description = "an unmeasured run first, at the same rate, so JIT compilation is not what is measured")
    int warmupSeconds;

    @Option(names = "--connections", defaultValue = "256",
            description = "requests awaiting an answer at once, like a client's connection pool (default 256)")
    int connections;

    @Option(names = "--find-max", description = "search the highest rate that holds p99 POST→SSE ≤ 1 s, none lost"
            + " (POST→202 with --ingest-only; with --read-rate, every probe reads too, the criterion looks at the"
            + " posts only)")
    boolean findMax;

    @Option(names = "--read-rate", defaultValue = "0",
            description = "timeline reads per second (GET /api/v1/events/{id}/posts) during the measured run, "
                    + "open model like the posts, of events seen on the stream in this run; 0 = none (default). "
                    + "Adds read_ms (from each read's due time), reads_per_second (200 answers), read_errors")
    double readRate;

    @Option(names = "--read-connections", defaultValue = "64",
            description = "reads awaiting an answer at once (default 64); a read that waits for one is late")
    int readConnections;

    @Option(names = "--read-events", defaultValue = "20",
            description = "reads pick uniformly among this many most recently active events (default 20)")
    int readEvents;

    @Option(names = "--ingest-only", description = "measure ingest alone: POST→202 only, web-service's stream is not"
            + " followed (claims and web may be stopped; they catch up when started). --find-max then looks for the"
            + " highest rate with p99 POST→202 ≤ 1 s and no error")
    boolean ingestOnly;

    @Option(names = "--viewer-key", description = "web-service viewer key for the reads, when one is required "
            + "(default: $CLAIMLINE_VIEWER_KEY, else none: reads are open by default)")
    String viewerKey;

    @Override
    public Integer call() throws Exception {
        if (readRate < 0 || readConnections < 1 || readEvents < 1) {
            throw new IllegalArgumentException("--read-rate must be 0 or more, --read-connections and --read-events"
                    + " at least 1");
        }
        if (ingestOnly && readRate > 0) {
            throw new IllegalArgumentException("--read-rate needs the stream, so it cannot go with --ingest-only");
        }
        IngestClient ingest = new IngestClient(stack.ingestUrl(), stack.ingestKey());
        List<String> images = uploadImages(ingest);
        String runId = UUID.randomUUID().toString().substring(0, 8);
        AtomicReference<BenchRun> current = new AtomicReference<>();
        AtomicReference<TimelineReader> reader = new AtomicReference<>();
        SseListener sse = ingestOnly ? null : new SseListener(stack.webUrl().resolve("/api/v1/stream"), viewerKey(),
                (id, data) -> {
                    StreamChange change = StreamChange.parse(data);
                    BenchRun run = current.get();
                    if (change != null && run != null) {
                        run.onStreamMessage(change);
                    }
                    TimelineReader reads = reader.get();
                    if (change != null && reads != null) {
                        reads.onStreamMessage(change);
                    }
                }).start();
        try {
            if (sse != null) {
                awaitConnected(sse);
            }
            long firstPost = 0;
            if (warmupSeconds > 0) {
                System.err.printf("bench: warming up for %d s (not measured)%n", warmupSeconds);
                BenchRun warmup = new BenchRun(ingest, new BenchPosts(runId, images, firstPost), format(),
                        batchSize, connections, !ingestOnly);
                current.set(warmup);
                CompletableFuture<ObjectNode> warmupReads = null;
                if (readRate > 0) {
                    // the read path is warmed too: in a fresh client and a fresh page route the first seconds of
                    // reads are compiled code's, and the measured reads' tail was mostly that
                    TimelineReader warmupReader = new TimelineReader(stack.webUrl(), viewerKey(), readConnections,
                            readEvents);
                    reader.set(warmupReader);
                    warmupReads = warmupReader.start(readRate, Duration.ofSeconds(warmupSeconds), READ_GIVE_UP);
                }
                warmup.run(rate, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(drainSeconds), firstPost);
                if (warmupReads != null) {
                    warmupReads.join();
                }
                firstPost += (long) (rate * warmupSeconds) + 1;
            }
            ObjectNode result;
            Runs runs = new Runs(ingest, images, runId, current, reader, readRate > 0);
            if (findMax) {
                result = findMax(runs, firstPost);
            } else {
                result = runOnce(runs, rate, firstPost);
            }
            result.put("warmup_seconds", warmupSeconds);
            result.put("connections", connections);
            decorate(result);
            System.out.println(ContractJson.mapper().writeValueAsString(result));
            return result.path("lost").asLong() == 0 ? 0 : 1;
        } finally {
            if (sse != null) {
                sse.close();
            }
        }
    }

    /** What every measured run shares: the clients, the images, and where the stream's messages go. */
    private record Runs(IngestClient ingest, List<String> images, String runId, AtomicReference<BenchRun> current,
                        AtomicReference<TimelineReader> reader, boolean reads) {
    }

    private ObjectNode runOnce(Runs runs, double offered, long firstPost) {
        BenchRun run = new BenchRun(runs.ingest(), new BenchPosts(runs.runId(), runs.images(), firstPost), format(),
                batchSize, connections, !ingestOnly);
        CompletableFuture<ObjectNode> reads = null;
        if (runs.reads()) {
            TimelineReader reader = new TimelineReader(stack.webUrl(), viewerKey(), readConnections, readEvents);
            runs.reader().set(reader);
            reads = reader.start(readRate, Duration.ofSeconds(seconds), READ_GIVE_UP);
        }
        runs.current().set(run);
        StackCpu cpu = new StackCpu(stack.home());
        Map<String, Map<Long, Double>> cpuBefore = cpu.available() ? cpu.snapshot() : null;
        ObjectNode result = run.run(offered, Duration.ofSeconds(seconds), Duration.ofSeconds(drainSeconds),
                firstPost);
        if (cpuBefore != null) {
            // where the machine's CPU went, per accepted post: what stays comparable when a goal is not met
            ObjectNode perPost = result.putObject("cpu_ms_per_post");
            StackCpu.perPost(cpuBefore, cpu.snapshot(), result.path("accepted").asLong()).forEach(perPost::put);
        }
        if (reads != null) {
            result.put("read_offered_per_second", readRate);
            result.setAll(reads.join());
            runs.reader().set(null);
        }
        System.err.println("bench: " + result);
        return result;
    }

    private String viewerKey() {
        return viewerKey != null ? viewerKey : System.getenv("CLAIMLINE_VIEWER_KEY");
    }


    private BenchFormat format() {
        try {
            return BenchFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be json, batch or multipart, not " + format, e);
        }
    }

    private ObjectNode findMax(Runs runs, long firstPost) {
        long[] postNumber = {firstPost};
        DoubleFunction<ObjectNode> probe = r -> {
            ObjectNode result = runOnce(runs, r, postNumber[0]);
            postNumber[0] += (long) (r * seconds) + 1;
            return result;
        };
        double low = 0;
        double high;
        ObjectNode best = null;
        // Double from --rate while rates hold, or halve while they fail, until a rate that holds and one that does not
        // are known; then bisect between them.
        ObjectNode result = probe.apply(rate);
        if (holds(result)) {
            low = rate;
            best = result;
            high = rate * 2;
            while (holds(result = probe.apply(high))) {
                low = high;
                best = result;
                high *= 2;
            }
        } else {
            high = rate;
            double lower = rate / 2;
            while (lower >= MIN_RATE && !holds(result = probe.apply(lower))) {
                high = lower;
                lower /= 2;
            }
            if (lower >= MIN_RATE) {
                low = lower;
                best = result;
            }
        }
        for (int step = 0; step < SEARCH_STEPS && low > 0; step++) {
            double mid = (low + high) / 2;
            result = probe.apply(mid);
            if (holds(result)) {
                low = mid;
                best = result;
            } else {
                high = mid;
            }
        }
        ObjectNode found = best != null ? best : ContractJson.mapper().createObjectNode();
        found.put("max_sustained_per_second", LatencyStats.round(low));
        return found;
    }

    /** A rate holds when every post was accepted at once (no error, no refusal) and in time, and none was lost. */
    static boolean holds(ObjectNode result) {
        if (result.path("errors").asLong() != 0 || result.path("refused").asLong() != 0
                || result.path("never_accepted").asLong() != 0) {
            return false;
        }
        if (result.path("ingest_only").asBoolean()) {
            return result.path("post_ms").path("p99").asDouble() <= MAX_P99_MS;
        }
        return result.path("lost").asLong() == 0 && result.has("e2e_ms")
                && result.path("e2e_ms").path("p99").asDouble() <= MAX_P99_MS;
    }

    /** Adds the revision and, when {@code ./claimline limits} ran before, the share of the machine's ceilings. */
    private void decorate(ObjectNode result) {
        String revision = System.getenv("CLAIMLINE_REVISION");
        result.put("revision", revision == null ? "unknown" : revision);
        Path limits = stack.home().resolve("limits.json");
        if (Files.exists(limits)) {
            try {
                JsonNode node = ContractJson.mapper().readTree(limits.toFile());
                double kafka = node.path("kafka_producer_records_per_second").asDouble();
                if (kafka > 0) {
                    result.put("share_of_kafka_producer",
                            Math.round(result.path("accepted_per_second").asDouble() / kafka * 1000) / 1000.0);
                }
            } catch (IOException e) {
                System.err.println("bench: cannot read " + limits + ": " + e.getMessage());
            }
        }
    }

    private static List<String> uploadImages(IngestClient ingest) throws IOException, InterruptedException {
        List<String> shas = new ArrayList<>();
        for (int i = 0; i < BenchImages.DISTINCT; i++) {
            IngestClient.Response response = ingest.uploadMedia(BenchImages.cached(i), BenchImages.TYPE);
            if (!response.accepted()) {
                System.err.println("bench: image upload refused, posts go without images: " + response.problem());
                return List.of();
            }
            shas.add(response.json().path("sha256").asText());
        }
        return shas;
    }

    private static void awaitConnected(SseListener sse) throws InterruptedException {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (!sse.connected()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cannot connect to web-service's /api/v1/stream");
            }
            Thread.sleep(50);
        }
    }
}
