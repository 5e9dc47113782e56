package org.claimline.tools.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.claimline.contracts.ContractJson;
import org.claimline.tools.StackOptions;
import org.claimline.tools.bench.BenchImages;
import org.claimline.tools.demo.DemoScenario.DemoPost;
import org.claimline.tools.http.IngestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./claimline demo}: feeds the demo scenario through the ingest API, a post every few seconds. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Load the Aleppo two-stories demo scenario into the running stack, over time.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Option(names = "--interval-ms", defaultValue = "2000", description = "pause between posts (default 2000)")
    long intervalMs;

    @Override
    public Integer call() throws Exception {
        IngestClient ingest = new IngestClient(stack.ingestUrl(), stack.ingestKey());
        Map<String, String> images = new HashMap<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<DemoPost> posts = DemoScenario.posts();
        String webUrl = stack.webUrl().toString();
        System.out.println("demo: " + posts.size() + " posts, one every " + intervalMs + " ms; watch " + webUrl);
        int sent = 0;
        for (DemoPost post : posts) {
            ObjectNode body = ContractJson.mapper().createObjectNode();
            body.put("platform", "demo");
            body.put("externalId", run + "-" + sent);
            body.putObject("author").put("handle", post.author()).put("displayName", post.displayName());
            body.put("text", post.text());
            body.put("lang", post.lang());
            body.put("postedAt", Instant.now().toString());
            body.putObject("place").put("name", post.place()).put("lat", post.lat()).put("lon", post.lon())
                    .put("radiusKm", 2.0);
            post.tags().forEach(body.withArray("tags")::add);
            if (post.image() != null) {
                String sha = images.computeIfAbsent(post.image(), name -> upload(ingest, name));
                body.putArray("media").addObject().put("sha256", sha);
            }
            IngestClient.Response response = ingest.sendPost(ContractJson.write(body)).get();
            if (!response.accepted()) {
                System.err.println("demo: post refused: " + response.problem());
                return 1;
            }
            sent++;
            System.out.println("demo: " + sent + "/" + posts.size() + " " + post.author() + ": " + post.text());
            Thread.sleep(Duration.ofMillis(intervalMs).toMillis());
        }
        System.out.println("demo: done, " + sent + " posts accepted");
        return 0;
    }

    private static String upload(IngestClient ingest, String name) {
        try {
            IngestClient.Response response = ingest.uploadMedia(BenchImages.png(name.hashCode()), "image/png");
            if (!response.accepted()) {
                throw new IllegalStateException("image refused: " + response.problem());
            }
            return response.json().path("sha256").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
