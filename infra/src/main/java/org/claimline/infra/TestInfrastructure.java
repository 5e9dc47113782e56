package org.claimline.infra;

import java.nio.file.Path;
import java.util.UUID;

/**
 * One real Kafka broker and one real PostgreSQL server per test JVM, started on first use and removed, data and
 * all, when the JVM exits. Each Quarkus test application gets its own database on the shared server.
 */
public final class TestInfrastructure {

    private static final int TEST_PARTITIONS = 2;
    private static KafkaBroker kafka;
    private static Path kafkaDir;
    private static Postgres postgres;
    private static Path postgresDir;

    private TestInfrastructure() {
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafkaDir = Directories.temporary("claimline-kafka-");
            kafka = KafkaBroker.onFreePorts(kafkaDir, TEST_PARTITIONS).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.kill();
                Directories.deleteRecursively(kafkaDir);
            }, "claimline-kafka-cleanup"));
        }
        return kafka;
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgresDir = Directories.temporary("claimline-pg-");
            postgres = new Postgres(postgresDir.resolve("data"), Ports.free(), true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                postgres.close();
                Directories.deleteRecursively(postgresDir);
            }, "claimline-postgres-cleanup"));
        }
        return postgres;
    }

    /** A new, empty database on the shared server; its JDBC URL. */
    public static String newDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgres().createDatabase(name);
        return postgres().jdbcUrl(name);
    }
}
