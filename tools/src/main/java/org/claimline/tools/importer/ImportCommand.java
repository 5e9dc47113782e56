package org.claimline.tools.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.claimline.tools.StackOptions;
import org.claimline.tools.corpus.CorpusPost;
import org.claimline.tools.corpus.CorpusReader;
import org.claimline.tools.corpus.IngestPostJson;
import org.claimline.tools.http.IngestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./claimline import FILE.ndjson}: posts a corpus through the public ingest API in time order, uploading its
 * images first, with a progress bar; a second run resumes where the first stopped.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Post a corpus file (NDJSON, DESIGN.md section 5) through the ingest API.")
public final class ImportCommand implements Callable<Integer> {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    private static final int MAX_REFUSALS_SHOWN = 20;

    @Mixin
    StackOptions stack;

    @Parameters(index = "0", paramLabel = "FILE", description = "corpus file, with its media/ folder beside it")
    Path file;

    @Option(names = "--concurrency", defaultValue = "32", description = "posts in flight at once")
    int concurrency;

    @Option(names = "--from-start", description = "ignore the checkpoint of an earlier run")
    boolean fromStart;

    private final Map<String, String> mediaSha = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<String> refusals = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<CorpusPost> posts = CorpusReader.readInTimeOrder(file);
        IngestClient client = new IngestClient(stack.ingestUrl(), stack.ingestKey());
        ImportCheckpoint checkpoint = ImportCheckpoint.of(stack.home(), file);
        int start = fromStart ? 0 : Math.min(checkpoint.watermark(), posts.size());
        for (int i = 0; i < start; i++) {
            checkpoint.answered(i);
        }
        long began = System.nanoTime();
        Semaphore inFlight = new Semaphore(concurrency);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("import").setInitialMax(posts.size())
                .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" posts", 1).build()) {
            bar.stepTo(start);
            long lastSave = System.nanoTime();
            for (int i = start; i < posts.size(); i++) {
                CorpusPost post = posts.get(i);
                byte[] body = IngestPostJson.of(post, uploadMedia(client, post));
                inFlight.acquire();
                int index = i;
                send(client, body, System.nanoTime()).whenComplete((response, error) -> {
                    if (error != null || response == null) {
                        refuse(index, post, "no answer: " + (error == null ? "?" : error.getMessage()));
                    } else if (response.accepted()) {
                        accepted.incrementAndGet();
                    } else {
                        refuse(index, post, response.problem());
                    }
                    checkpoint.answered(index);
                    bar.step();
                    inFlight.release();
                });
                if (System.nanoTime() - lastSave > Duration.ofSeconds(1).toNanos()) {
                    checkpoint.save();
                    lastSave = System.nanoTime();
                }
            }
            inFlight.acquire(concurrency);
            checkpoint.save();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        synchronized (refusals) {
            refusals.forEach(System.err::println);
        }
        int sent = accepted.get() + refused.get();
        System.out.printf("import: %d posts in file, %d skipped (imported before), %d accepted, %d refused, "
                        + "%.1f s, %.0f posts/s%n", posts.size(), start, accepted.get(), refused.get(), seconds,
                sent / Math.max(seconds, 1e-9));
        return refused.get() == 0 ? 0 : 1;
    }

    /** Sends one post, waiting out 429 and 503 answers as their Retry-After asks, up to a limit. */
    private CompletableFuture<IngestClient.Response> send(IngestClient client, byte[] body,
                                                                               long firstTry) {
        return client.sendPost(body).thenCompose(response -> {
            if (!response.retryable() || System.nanoTime() - firstTry > GIVE_UP_AFTER.toNanos()) {
                return CompletableFuture.completedFuture(response);
            }
            Duration wait = response.retryAfter().orElse(DEFAULT_RETRY_AFTER);
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(wait.toMillis(),
                                    TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> send(client, body, firstTry));
        });
    }

    private List<String> uploadMedia(IngestClient client, CorpusPost post) {
        List<String> shas = new ArrayList<>();
        for (String name : post.mediaFiles()) {
            String sha = mediaSha.computeIfAbsent(name, n -> upload(client, n));
            if (sha != null && !sha.isEmpty()) {
                shas.add(sha);
            }
        }
        return shas;
    }

    /** Uploads one image file; an image ingest refuses is left out of the post (and said), not fatal. */
    private String upload(IngestClient client, String name) {
        Path image = file.toAbsolutePath().getParent().resolve("media").resolve(name);
        if (!Files.isRegularFile(image)) {
            System.err.println("media file missing, post sent without it: " + image);
            return "";
        }
        try {
            long firstTry = System.nanoTime();
            while (true) {
                IngestClient.Response response = client.uploadMedia(Files.readAllBytes(image),
                        "application/octet-stream");
                if (response.accepted()) {
                    return response.json().path("sha256").asText();
                }
                if (!response.retryable() || System.nanoTime() - firstTry > GIVE_UP_AFTER.toNanos()) {
                    System.err.println("media refused, post sent without it: " + name + ": " + response.problem());
                    return "";
                }
                Thread.sleep(response.retryAfter().orElse(DEFAULT_RETRY_AFTER).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot upload " + image, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void refuse(int index, CorpusPost post, String why) {
        refused.incrementAndGet();
        synchronized (refusals) {
            if (refusals.size() < MAX_REFUSALS_SHOWN) {
                refusals.add("refused post " + (index + 1) + " (id " + post.id() + "): " + why);
            }
        }
    }
}
