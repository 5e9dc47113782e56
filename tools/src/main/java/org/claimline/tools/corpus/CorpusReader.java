package org.claimline.tools.corpus;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.claimline.contracts.ContractJson;

/** Reads a corpus file and orders its posts by time, as they happened. */
public final class CorpusReader {

    private CorpusReader() {
    }

    /** All posts of the file, in {@code created_at} order (file order among equal times). */
    public static List<CorpusPost> readInTimeOrder(Path file) throws IOException {
        ObjectReader reader = ContractJson.mapper().readerFor(CorpusPost.class);
        List<CorpusPost> posts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    posts.add(reader.readValue(line));
                } catch (IOException e) {
                    throw new IOException(file + " line " + number + " is not a corpus post: " + e.getMessage(), e);
                }
            }
        }
        posts.sort(Comparator.comparing(p -> p.createdAt() == null ? "" : p.createdAt()));
        return posts;
    }
}
