package org.claimline.tools.cpu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time used by each part of a stack started by {@code ./claimline up}, read from Linux's /proc: the three
 * services, Kafka, PostgreSQL's backends per database (plus its own background processes), this client and the whole
 * machine. Two snapshots around a run tell where the machine's CPU went per post, which is the figure that stays
 * comparable when a goal is not met. Elsewhere than Linux, or without the launcher's pid files, it reports nothing.
 */
public final class StackCpu {

    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every architecture Claimline runs on. */
    private static final double MS_PER_TICK = 10;
    private static final String[] JAVA_PARTS = {"ingest", "claims", "web", "kafka"};
    private static final String PG_BACKEND = "postgres: ";
    private static final Path PROC = Path.of("/proc");

    private final Path runDir;

    public StackCpu(Path home) {
        this.runDir = home.resolve("run");
    }

    /**
     * Whether this machine and stack allow the measurement: Linux's /proc and a stack the launcher started (any of its
     * pid files: ingest alone is measured with claims and web stopped).
     */
    public boolean available() {
        if (!Files.isReadable(PROC.resolve("stat"))) {
            return false;
        }
        for (String part : JAVA_PARTS) {
            if (Files.exists(runDir.resolve(part + ".pid"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * CPU milliseconds used so far, by part and process ("machine" is every CPU's busy time). Kept per process so
     * that a process that started or ended between two snapshots (a pooled database connection) counts what it used
     * while both saw it, never a negative share.
     */
    public Map<String, Map<Long, Double>> snapshot() {
        Map<String, Map<Long, Double>> used = new LinkedHashMap<>();
        for (String part : JAVA_PARTS) {
            pidOf(part).ifPresent(pid -> add(used, part, pid, ticks(pid) * MS_PER_TICK));
        }
        postgres(runDir.getParent().resolve("postgres").toAbsolutePath().toString(), used);
        long self = ProcessHandle.current().pid();
        add(used, "bench", self, ticks(self) * MS_PER_TICK);
        add(used, "machine", 0L, machineTicks() * MS_PER_TICK);
        return used;
    }

    /** Per part: the CPU milliseconds used between two snapshots, divided by {@code posts}. */
    public static Map<String, Double> perPost(Map<String, Map<Long, Double>> before,
            Map<String, Map<Long, Double>> after, long posts) {
        Map<String, Double> per = new LinkedHashMap<>();
        if (posts <= 0) {
            return per;
        }
        for (Map.Entry<String, Map<Long, Double>> part : after.entrySet()) {
            Map<Long, Double> start = before.getOrDefault(part.getKey(), Map.of());
            double used = 0;
            for (Map.Entry<Long, Double> process : part.getValue().entrySet()) {
                used += process.getValue() - start.getOrDefault(process.getKey(), 0.0);
            }
            per.put(part.getKey(), Math.round(used / posts * 1000) / 1000.0);
        }
        return per;
    }

    private static void add(Map<String, Map<Long, Double>> used, String part, long pid, double ms) {
        used.computeIfAbsent(part, p -> new LinkedHashMap<>()).merge(pid, ms, Double::sum);
    }

    /**
     * Adds the PostgreSQL server on this data folder and its processes: "postgres/DB" per database's backends,
     * "postgres/server" for the rest. The server is found by its data folder, as it leaves the launcher's process tree.
     */
    private static void postgres(String dataDir, Map<String, Map<Long, Double>> used) {
        Map<Long, Long> parentOf = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                String[] stat = stat(entry);
                if (stat != null) {
                    parentOf.put(Long.parseLong(entry.getFileName().toString()), Long.parseLong(stat[1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        Long server = null;
        for (Long pid : parentOf.keySet()) {
            String command = commandLine(pid);
            if (command.contains("/bin/postgres") && command.contains("-D " + dataDir)) {
                server = pid;
            }
        }
        if (server == null) {
            return;
        }
        for (Long pid : parentOf.keySet()) {
            if (!pid.equals(server) && !descends(pid, server, parentOf)) {
                continue;
            }
            String command = commandLine(pid);
            String key = "postgres/server";
            if (command.startsWith(PG_BACKEND)) {
                String[] words = command.substring(PG_BACKEND.length()).trim().split("\\s+");
                // a backend reads "postgres: USER DATABASE HOST(PORT) STATE"; background workers have no host
                if (words.length >= 3 && words[2].contains("(")) {
                    key = "postgres/" + words[1];
                }
            }
            add(used, key, pid, ticks(pid) * MS_PER_TICK);
        }
    }

    private static boolean descends(long pid, long ancestor, Map<Long, Long> parentOf) {
        long current = pid;
        for (int depth = 0; depth < 16 && current > 1; depth++) {
            Long parent = parentOf.get(current);
            if (parent == null) {
                return false;
            }
            if (parent == ancestor) {
                return true;
            }
            current = parent;
        }
        return false;
    }

    private Optional<Long> pidOf(String part) {
        try {
            return Optional.of(Long.parseLong(Files.readString(runDir.resolve(part + ".pid")).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** User plus system ticks of a process's threads (0 when it is gone). */
    private static long ticks(long pid) {
        String[] stat = stat(PROC.resolve(Long.toString(pid)));
        return stat == null ? 0 : Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    /** The fields of /proc/PID/stat after the command name (field 3 of proc(5) is index 0). */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(PROC.resolve(pid + "/cmdline"))).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static long machineTicks() {
        try {
            String[] cpu = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
            // user nice system idle iowait irq softirq steal: busy is all but idle and iowait
            return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
                    + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
