package org.claimline.tools.limits;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.claimline.contracts.ContractJson;
import org.claimline.tools.StackOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./claimline limits}: the machine's own ceilings (Kafka producer, PostgreSQL commits, multi-row inserts,
 * COPY), printed as one JSON line and kept in {@code $CLAIMLINE_HOME/limits.json} so bench can report its share.
 */
@Command(name = "limits", mixinStandardHelpOptions = true,
        description = "Measure this machine's Kafka and PostgreSQL ceilings against the running stack.")
public final class LimitsCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Option(names = "--kafka", description = "bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS)")
    String kafka;

    @Option(names = "--jdbc", description = "JDBC URL of a scratch database (default: $CLAIMLINE_LIMITS_JDBC_URL)")
    String jdbc;

    @Option(names = "--records", defaultValue = "500000", description = "records for the Kafka producer run")
    long records;

    @Option(names = "--seconds", defaultValue = "5", description = "duration of each PostgreSQL measurement")
    int seconds;

    @Override
    public Integer call() throws Exception {
        String bootstrap = kafka != null ? kafka : System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String url = jdbc != null ? jdbc : System.getenv("CLAIMLINE_LIMITS_JDBC_URL");
        if (bootstrap == null || url == null) {
            System.err.println("limits: give --kafka and --jdbc (./claimline limits sets them)");
            return 2;
        }
        double kafkaRate = new KafkaLimits(bootstrap, records).measure();
        PostgresLimits.Figures pg = new PostgresLimits(url, "postgres", "postgres", Duration.ofSeconds(seconds))
                .measure();
        ObjectNode result = ContractJson.mapper().createObjectNode();
        result.put("kafka_producer_records_per_second", Math.round(kafkaRate));
        result.put("pg_single_row_commits_per_second", Math.round(pg.singleRowCommitsPerSecond()));
        result.put("pg_multi_row_rows_per_second", Math.round(pg.multiRowRowsPerSecond()));
        result.put("pg_copy_rows_per_second", Math.round(pg.copyRowsPerSecond()));
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("measured_at", Instant.now().toString());
        String json = ContractJson.mapper().writeValueAsString(result);
        Path file = stack.home().resolve("limits.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json + "\n");
        System.out.println(json);
        return 0;
    }
}
