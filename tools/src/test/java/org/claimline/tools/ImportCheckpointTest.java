package org.claimline.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimline.tools.importer.ImportCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCheckpointTest {

    @TempDir
    Path home;

    @Test
    void markAdvancesOnlyOverContiguousAnsweredLines() throws Exception {
        Path corpus = Files.writeString(home.resolve("c.ndjson"), "{}\n");
        ImportCheckpoint checkpoint = ImportCheckpoint.of(home, corpus);
        checkpoint.answered(0);
        checkpoint.answered(2);
        checkpoint.answered(3);
        assertEquals(1, checkpoint.watermark(), "line 1 is still in flight, so a resume must send it again");
        checkpoint.answered(1);
        assertEquals(4, checkpoint.watermark());
    }

    @Test
    void aSecondRunResumesFromTheSavedMark() throws Exception {
        Path corpus = Files.writeString(home.resolve("c.ndjson"), "{}\n");
        ImportCheckpoint first = ImportCheckpoint.of(home, corpus);
        for (int i = 0; i < 5; i++) {
            first.answered(i);
        }
        first.save();
        assertEquals(5, ImportCheckpoint.of(home, corpus).watermark());
        Path other = Files.writeString(home.resolve("other.ndjson"), "{}\n");
        assertEquals(0, ImportCheckpoint.of(home, other).watermark(), "another file starts from the beginning");
    }
}
