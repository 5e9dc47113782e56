package org.claimline.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node KRaft Kafka broker in a child JVM with its own classpath (see kafka-broker/). It can be killed
 * abruptly and started again on the same ports and data, which is how the tests drill broker outages.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String HEAP = "-Xmx512m";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private Process process;

    public KafkaBroker(Path dataDir, int port, int controllerPort, int partitions) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
    }

    /** A broker on free ports in the given data directory. */
    public static KafkaBroker onFreePorts(Path dataDir, int partitions) {
        return new KafkaBroker(dataDir, Ports.free(), Ports.free(), partitions);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker and returns once it answers a client's metadata request. */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker", e);
        }
        awaitReady();
        return this;
    }

    /** Kills the broker at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
            process = null;
        }
    }

    /** Stops the broker cleanly (SIGTERM), waiting for it to exit. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            if (!waitFor(process)) {
                process.destroyForcibly();
                waitFor(process);
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    List<String> command() {
        Path home = ProjectPaths.brokerHome();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = home.resolve("kafka-broker.jar") + File.pathSeparator + home.resolve("lib") + File.separator
                + "*";
        List<String> command = new ArrayList<>(List.of(java, HEAP, "-XX:+UseSerialGC", "-cp", classpath,
                "org.claimline.broker.KafkaBrokerMain", dataDir.toString(), String.valueOf(port),
                String.valueOf(controllerPort), String.valueOf(partitions)));
        return command;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + "; see "
                        + dataDir.resolve("broker.log"));
            }
            if (Ports.listening(port)) {
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = new IllegalStateException(e);
                }
            }
            sleep(200);
        }
        throw new IllegalStateException("the Kafka broker did not become ready within " + START_TIMEOUT
                + "; see " + dataDir.resolve("broker.log"), last);
    }

    private static boolean waitFor(Process p) {
        try {
            return p.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
