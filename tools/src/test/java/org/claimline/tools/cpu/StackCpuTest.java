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
        Map<String, Double> before = Map.of("claims", 1_000.0, "web", 500.0);
        Map<String, Double> after = Map.of("claims", 3_000.0, "web", 900.0, "ingest", 40.0);

        Map<String, Double> per = StackCpu.perPost(before, after, 4_000);

        assertEquals(0.5, per.get("claims"));
        assertEquals(0.1, per.get("web"));
        assertEquals(0.01, per.get("ingest"), "a part missing before counts from zero");
        assertTrue(StackCpu.perPost(before, after, 0).isEmpty(), "no posts, no figure");
    }

    @Test
    void aPartIsFoundByTheLaunchersPidFileAndItsCpuGrowsWithWork(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("run"));
        // this test JVM stands in for claims-service
        Files.writeString(home.resolve("run/claims.pid"), Long.toString(ProcessHandle.current().pid()));
        StackCpu cpu = new StackCpu(home);
        assertTrue(cpu.available());

        Map<String, Double> before = cpu.snapshot();
        long sum = 0;
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) {
            sum += Long.toString(sum).hashCode();
        }
        Map<String, Double> after = cpu.snapshot();

        assertTrue(after.get("claims") - before.get("claims") >= 100, "300 ms of busy work show as at least 100 ms: "
                + before + " -> " + after + " " + sum);
        assertTrue(after.get("machine") >= after.get("claims") - before.get("claims"));
        assertFalse(after.containsKey("web"), "no pid file, no figure");
    }
}
