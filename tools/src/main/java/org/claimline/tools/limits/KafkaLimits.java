package org.claimline.tools.limits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimline.infra.ProjectPaths;

/**
 * The Kafka ceiling of this machine, measured by Kafka's own producer performance tool (shipped with the embedded
 * broker) against the running broker: 1 KB records, acks=all, as fast as it goes.
 */
public final class KafkaLimits {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");
    private static final int RECORD_BYTES = 1024;

    private final String bootstrapServers;
    private final long records;

    public KafkaLimits(String bootstrapServers, long records) {
        this.bootstrapServers = bootstrapServers;
        this.records = records;
    }

    /** Records per second of the tool's final summary line. */
    public double measure() throws IOException, InterruptedException {
        Path home = ProjectPaths.brokerHome();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp",
                home.resolve("kafka-broker.jar") + ":" + home.resolve("lib") + "/*",
                "org.apache.kafka.tools.ProducerPerformance", "--topic", "claimline.limits",
                "--num-records", Long.toString(records), "--record-size", Integer.toString(RECORD_BYTES),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all",
                "enable.idempotence=true"))
                .redirectErrorStream(true).start();
        double last = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = SUMMARY.matcher(line);
                if (m.find() && Long.parseLong(m.group(1)) == records) {
                    last = Double.parseDouble(m.group(2));
                }
            }
        }
        if (process.waitFor() != 0 || last < 0) {
            throw new IOException("the Kafka producer performance tool failed against " + bootstrapServers);
        }
        return last;
    }
}
