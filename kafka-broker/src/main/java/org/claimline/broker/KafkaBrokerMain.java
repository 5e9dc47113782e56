package org.claimline.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Starts a single-node KRaft Kafka broker: writes its configuration, formats the storage on first start and runs
 * {@code kafka.Kafka} in this JVM until it is stopped. Arguments: data directory, client port, controller port,
 * default partition count.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: KafkaBrokerMain DATA_DIR PORT CONTROLLER_PORT [PARTITIONS]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        int partitions = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Path logDir = dataDir.resolve("kraft-logs");
        Files.createDirectories(logDir);
        Path props = dataDir.resolve("server.properties");
        Files.writeString(props, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.listener.names=CONTROLLER",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "log.dirs=" + logDir,
                "num.partitions=" + partitions,
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                // Single node: one copy of each record, flushed by the OS page cache like any Kafka broker.
                "min.insync.replicas=1",
                "log.retention.hours=168",
                "") + "\n");
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            String clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
            int code = StorageTool.execute(new String[] {"format", "--standalone", "-t", clusterId,
                "-c", props.toString(), "--ignore-formatted"}, new PrintStream(OutputStream.nullOutputStream()));
            if (code != 0) {
                System.err.println("formatting Kafka storage failed with exit code " + code);
                System.exit(code);
            }
        }
        Kafka.main(new String[] {props.toString()});
    }
}
