package org.claimline.grouping.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.claimline.grouping.GroupingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalMainTest {

    @TempDir
    Path dir;

    /**
     * Six posts: 1-3 share image A, 4-5 share image B, 6 has neither. The engine must put {1,2,3}, {4,5}, {6} together
     * (events and storylines alike). Labels: events E1={1,2,4,5}, E2={3,6}; stories (E1,s1)={1,2}, (E2,s3)={3},
     * (E1,s2)={4,5}, (E2,s4)={6}. By hand: event precision (2/3+2/3+1/3+1+1+1)/6 = 7/9, recall (6 x 1/2)/6 = 1/2,
     * F1 = 2(7/9)(1/2)/(7/9+1/2) = 14/23; storyline precision 7/9, recall 1, F1 = 2(7/9)/(16/9) = 7/8.
     */
    @Test
    void printsHandComputedBCubedFiguresAsTheLastLine() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        ImageIO.write(square(), "png", media.resolve("a.png").toFile());
        ImageIO.write(stripes(), "png", media.resolve("b.png").toFile());
        List<String> lines = List.of(
                line("1", "E1", "s1", "2020-01-01T00:00:00Z", "alpha bravo charlie", "[\"a.png\"]"),
                line("2", "E1", "s1", "2020-01-01T00:01:00Z", "delta echo foxtrot", "[\"a.png\"]"),
                line("3", "E2", "s3", "2020-01-01T00:02:00Z", "golf hotel india", "[\"a.png\", \"https://example.org/x.jpg\"]"),
                line("5", "E1", "s2", "2020-01-01T00:04:00Z", "mike november oscar", "[\"b.png\"]"),
                line("4", "E1", "s2", "2020-01-01T00:03:00Z", "juliett kilo lima", "[\"b.png\"]"),
                line("6", "E2", "s4", "2020-01-01T00:05:00Z", "papa quebec romeo", "[]"));
        Path corpus = dir.resolve("small.ndjson");
        Files.write(corpus, lines, StandardCharsets.UTF_8);

        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        EvalMain.Result result = EvalMain.run(corpus, true, GroupingSettings.defaults(), out);
        out.println(result.json());
        String[] printed = buffer.toString(StandardCharsets.UTF_8).trim().split("\n");
        JsonNode json = new ObjectMapper().readTree(printed[printed.length - 1]);

        assertEquals(6, json.get("posts").asInt());
        assertEquals(7.0 / 9, json.get("events").get("precision").asDouble(), 1e-4);
        assertEquals(0.5, json.get("events").get("recall").asDouble(), 1e-4);
        assertEquals(14.0 / 23, json.get("events").get("f1").asDouble(), 1e-4);
        assertEquals(7.0 / 9, json.get("storylines").get("precision").asDouble(), 1e-4);
        assertEquals(1.0, json.get("storylines").get("recall").asDouble(), 1e-4);
        assertEquals(7.0 / 8, json.get("storylines").get("f1").asDouble(), 1e-4);
        assertTrue(json.get("posts_per_second").asDouble() > 0);
    }

    @Test
    void withoutMediaTheImagesAreWithheld() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        ImageIO.write(square(), "png", media.resolve("a.png").toFile());
        Path corpus = dir.resolve("two.ndjson");
        Files.write(corpus, List.of(
                line("1", "E1", "s1", "2020-01-01T00:00:00Z", "alpha bravo charlie", "[\"a.png\"]"),
                line("2", "E1", "s1", "2020-01-01T00:01:00Z", "delta echo foxtrot", "[\"a.png\"]")), StandardCharsets.UTF_8);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(1.0, EvalMain.run(corpus, true, GroupingSettings.defaults(), quiet).events().recall(), 1e-9);
        assertEquals(0.5, EvalMain.run(corpus, false, GroupingSettings.defaults(), quiet).events().recall(), 1e-9);
    }

    private static String line(String id, String event, String story, String at, String text, String media) {
        return String.format("{\"id\":\"%s\",\"event\":\"%s\",\"story\":\"%s\",\"text\":\"%s\",\"created_at\":\"%s\","
                + "\"author\":\"user%s\",\"lang\":null,\"lat\":null,\"lon\":null,\"place\":null,\"media\":%s}",
                id, event, story, text, at, id, media);
    }

    private static BufferedImage square() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 32, 32);
        g.dispose();
        return image;
    }

    private static BufferedImage stripes() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int x = 0; x < 64; x += 8) {
            g.setColor(x % 16 == 0 ? Color.RED : Color.GREEN);
            g.fillRect(x, 0, 8, 64);
        }
        g.dispose();
        return image;
    }
}
