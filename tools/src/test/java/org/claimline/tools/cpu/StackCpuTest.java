package org.claimline.tools.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackCpuTest {

    @Test
    void perPostDividesEachPartsCpuByThePosts() {
        Map<String, Map<Long, Double>> before = Map.of("claims", Map.of(7L, 1_000.0), "web", Map.of(8L, 500.0),
                "postgres/claims", Map.of(20L, 300.0, 21L, 5_000.0));
        Map<String, Map<Long, Double>> after = Map.of("claims", Map.of(7L, 3_000.0), "web", Map.of(8L, 900.0),
                "ingest", Map.of(9L, 40.0), "postgres/claims", Map.of(20L, 700.0, 22L, 400.0));

        Map<String, Double> per = StackCpu.perPost(before, after, 4_000);

        assertEquals(0.5, per.get("claims"));
        assertEquals(0.1, per.get("web"));
        assertEquals(0.01, per.get("ingest"), "a part missing before counts from zero");
        assertEquals(0.2, per.get("postgres/claims"), "a connection closed in between does not count against it");
        assertTrue(StackCpu.perPost(before, after, 0).isEmpty(), "no posts, no figure");
    }

    @Test
    void availableWithAnyPartOfAStackEvenWhenClaimsAndWebAreStopped(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("run"));
        assertFalse(new StackCpu(home).available(), "no stack started here");
        Files.writeString(home.resolve("run/ingest.pid"), Long.toString(ProcessHandle.current().pid()));
        assertTrue(new StackCpu(home).available(), "ingest alone is measured with claims and web stopped");
    }

    @Test
    void aPartIsFoundByTheLaunchersPidFileAndItsCpuGrowsWithWork(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("run"));
        // this test JVM stands in for claims-service
        Files.writeString(home.resolve("run/claims.pid"), Long.toString(ProcessHandle.current().pid()));
        StackCpu cpu = new StackCpu(home);
        assertTrue(cpu.available());

        Map<String, Map<Long, Double>> before = cpu.snapshot();
        long sum = 0;
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) {
            sum += Long.toString(sum).hashCode();
        }
        Map<String, Map<Long, Double>> after = cpu.snapshot();

        Map<String, Double> used = StackCpu.perPost(before, after, 1);
        assertTrue(used.get("claims") >= 100, "300 ms of busy work show as at least 100 ms: " + used + " " + sum);
        // the machine's counters are sampled per tick and a task's are exact, so they agree only roughly
        assertTrue(used.get("machine") >= used.get("claims") / 2, "the machine was busy at least while the part was: "
                + used);
        assertFalse(after.containsKey("web"), "no pid file, no figure");
    }
}
