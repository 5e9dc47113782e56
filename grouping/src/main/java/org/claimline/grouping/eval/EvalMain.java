package org.claimline.grouping.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.claimline.grouping.EventMerge;
import org.claimline.grouping.GroupingEngine;
import org.claimline.grouping.GroupingSettings;
import org.claimline.grouping.Placement;
import org.claimline.grouping.StorylineMerge;

/**
 * Scores the grouping engine on a labeled corpus: feeds its posts in time order with labels hidden, then prints a
 * per-event breakdown and, as the last line, one JSON object with B-cubed figures for events and storylines.
 *
 * <p>Usage: {@code EvalMain [--no-media] [--explain-merges] [--explain-joins N] [--explain-splits N] [--set name=value]... FILE.ndjson}
 */
public final class EvalMain {

    private static final double NANOS_PER_SECOND = 1e9;
    private static boolean explainMerges;
    private static int explainJoins;
    private static int explainSplits;

    private EvalMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        boolean withMedia = true;
        GroupingSettings settings = GroupingSettings.defaults();
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--no-media")) {
                withMedia = false;
            } else if (args[i].equals("--explain-merges")) {
                explainMerges = true;
            } else if (args[i].equals("--explain-joins") && i + 1 < args.length) {
                explainJoins = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--explain-splits") && i + 1 < args.length) {
                explainSplits = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--set") && i + 1 < args.length) {
                String[] kv = args[++i].split("=", 2);
                settings = settings.with(kv[0], kv[1]);
            } else if (file == null && !args[i].startsWith("--")) {
                file = Paths.get(args[i]);
            } else {
                System.err.println("usage: EvalMain [--no-media] [--explain-merges] [--explain-joins N] [--explain-splits N] [--set name=value]... FILE.ndjson");
                System.exit(2);
            }
        }
        if (file == null) {
            System.err.println("usage: EvalMain [--no-media] [--explain-merges] [--explain-joins N] [--explain-splits N] [--set name=value]... FILE.ndjson");
            System.exit(2);
        }
        Result result = run(file, withMedia, settings, out);
        out.println(result.json());
    }

    /** Runs the evaluation, printing the breakdown to {@code out}; the caller prints {@link Result#json()}. */
    public static Result run(Path file, boolean withMedia, GroupingSettings settings, PrintStream out) throws IOException {
        CorpusReader reader = new CorpusReader();
        List<CorpusPost> posts = reader.read(file, withMedia);
        if (withMedia && reader.unreadableImages() > 0) {
            out.println("images that could not be read: " + reader.unreadableImages());
        }
        GroupingEngine engine = new GroupingEngine(settings);
        List<Placement> placements = new ArrayList<>(posts.size());
        Map<String, String> mergedInto = new HashMap<>();
        Map<String, String> storylineMergedInto = new HashMap<>();
        Map<String, Map<String, Integer>> live = new HashMap<>();
        Set<String> seenEvents = new HashSet<>();
        long start = System.nanoTime();
        for (CorpusPost post : posts) {
            Placement placement = engine.place(post.evidence());
            placements.add(placement);
            for (EventMerge merge : placement.merges()) {
                mergedInto.put(merge.fromEventId(), merge.intoEventId());
            }
            for (StorylineMerge merge : placement.storylineMerges()) {
                storylineMergedInto.put(merge.fromStorylineId(), merge.intoStorylineId());
            }
            if (explainJoins > 0 && !placement.newEvent() && post.event() != null) {
                Map<String, Integer> counts = live.getOrDefault(resolve(placement.eventId(), mergedInto), Map.of());
                String majority = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                        .orElse(null);
                if (majority != null && !majority.equals(post.event())) {
                    explainJoins--;
                    out.println("join " + post.event() + " into " + counts + ": " + placement.reasons() + " | "
                            + post.evidence().text());
                }
            }
            if (explainSplits > 0 && placement.newEvent() && post.event() != null && seenEvents.contains(post.event())) {
                explainSplits--;
                out.println("split " + post.event() + ": " + placement.reasons() + " | " + post.evidence().text());
            }
            if (post.event() != null) {
                seenEvents.add(post.event());
            }
            if (explainMerges || explainJoins > 0) {
                for (EventMerge merge : placement.merges()) {
                    Map<String, Integer> from = live.getOrDefault(merge.fromEventId(), Map.of());
                    Map<String, Integer> into = live.computeIfAbsent(merge.intoEventId(), k -> new HashMap<>());
                    if (explainMerges && (!from.keySet().equals(into.keySet()) || !from.containsKey(post.event()))) {
                        out.println("merge " + from + " into " + into + " by " + post.event() + " post "
                                + post.evidence().postId() + ": " + placement.reasons() + " | " + post.evidence().text());
                    }
                    from.forEach((k, v) -> into.merge(k, v, Integer::sum));
                    live.remove(merge.fromEventId());
                }
                String now = resolve(placement.eventId(), mergedInto);
                live.computeIfAbsent(now, k -> new HashMap<>()).merge(String.valueOf(post.event()), 1, Integer::sum);
            }
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / NANOS_PER_SECOND);

        BCubed events = new BCubed();
        BCubed storylines = new BCubed();
        Map<String, BCubed> perEvent = new TreeMap<>();
        Map<String, BCubed> perEventStories = new TreeMap<>();
        Map<String, Map<String, Integer>> predictedPerLabel = new LinkedHashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            CorpusPost post = posts.get(i);
            Placement placement = placements.get(i);
            String event = resolve(placement.eventId(), mergedInto);
            if (post.event() != null) {
                events.add(event, post.event());
                perEvent.computeIfAbsent(post.event(), k -> new BCubed());
                predictedPerLabel.computeIfAbsent(post.event(), k -> new HashMap<>()).merge(event, 1, Integer::sum);
                if (post.story() != null) {
                    storylines.add(resolve(placement.storylineId(), storylineMergedInto),
                            post.event() + '\u0000' + post.story());
                }
            }
        }
        // per-event recall view: how the posts of each labeled event spread over predicted events
        for (int i = 0; i < posts.size(); i++) {
            CorpusPost post = posts.get(i);
            if (post.event() != null) {
                perEvent.get(post.event()).add(resolve(placements.get(i).eventId(), mergedInto), post.event());
                if (post.story() != null) {
                    perEventStories.computeIfAbsent(post.event(), k -> new BCubed())
                            .add(resolve(placements.get(i).storylineId(), storylineMergedInto), post.story());
                }
            }
        }
        // per-event precision view: how pure the predicted events holding each labeled event's posts are
        Map<String, Integer> clusterSize = new HashMap<>();
        Map<String, Integer> clusterLabel = new HashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            if (posts.get(i).event() != null) {
                String c = resolve(placements.get(i).eventId(), mergedInto);
                clusterSize.merge(c, 1, Integer::sum);
                clusterLabel.merge(c + '\u0000' + posts.get(i).event(), 1, Integer::sum);
            }
        }
        Map<String, double[]> precisionPerLabel = new HashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            String label = posts.get(i).event();
            if (label != null) {
                String c = resolve(placements.get(i).eventId(), mergedInto);
                double[] acc = precisionPerLabel.computeIfAbsent(label, k -> new double[2]);
                acc[0] += clusterLabel.get(c + '\u0000' + label) / (double) clusterSize.get(c);
                acc[1]++;
            }
        }
        BCubed.Scores eventScores = events.scores();
        BCubed.Scores storyScores = storylines.scores();
        out.printf(Locale.ROOT, "%-22s %6s %9s %8s %10s %10s %10s%n", "event", "posts", "clusters", "largest",
                "precision", "recall", "story-f1");
        for (Map.Entry<String, BCubed> e : perEvent.entrySet()) {
            Map<String, Integer> spread = predictedPerLabel.get(e.getKey());
            int largest = spread.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            BCubed stories = perEventStories.get(e.getKey());
            double[] precision = precisionPerLabel.get(e.getKey());
            out.printf(Locale.ROOT, "%-22s %6d %9d %8d %10.3f %10.3f %10s%n", e.getKey(), e.getValue().items(),
                    spread.size(), largest, precision[0] / precision[1], e.getValue().scores().recall(),
                    stories == null ? "-" : String.format(Locale.ROOT, "%.3f", stories.scores().f1()));
        }
        out.printf(Locale.ROOT, "events P=%.4f R=%.4f F1=%.4f | storylines P=%.4f R=%.4f F1=%.4f | predicted events %d%n",
                eventScores.precision(), eventScores.recall(), eventScores.f1(), storyScores.precision(),
                storyScores.recall(), storyScores.f1(), distinct(placements, mergedInto));
        return new Result(posts.size(), eventScores, storyScores, posts.size() / seconds);
    }

    private static int distinct(List<Placement> placements, Map<String, String> mergedInto) {
        Map<String, Boolean> seen = new HashMap<>();
        for (Placement p : placements) {
            seen.put(resolve(p.eventId(), mergedInto), Boolean.TRUE);
        }
        return seen.size();
    }

    private static String resolve(String eventId, Map<String, String> mergedInto) {
        String id = eventId;
        String next;
        while ((next = mergedInto.get(id)) != null) {
            id = next;
        }
        return id;
    }

    /** The figures of one run. */
    public record Result(int posts, BCubed.Scores events, BCubed.Scores storylines, double postsPerSecond) {

        /** The one-line JSON summary DESIGN.md section 3 specifies. */
        public String json() {
            return String.format(Locale.ROOT,
                    "{\"posts\":%d,\"events\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f},"
                            + "\"storylines\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f},\"posts_per_second\":%.0f}",
                    posts, events.precision(), events.recall(), events.f1(), storylines.precision(), storylines.recall(),
                    storylines.f1(), postsPerSecond);
        }
    }
}
