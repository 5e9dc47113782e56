package org.claimline.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root, where the packaged Kafka broker lives, from tests, the launcher or a service. */
public final class ProjectPaths {

    private static final String ROOT_PROPERTY = "claimline.root";
    private static final String ROOT_ENV = "CLAIMLINE_ROOT";
    private static final String BROKER_HOME_PROPERTY = "claimline.broker.home";

    private ProjectPaths() {
    }

    public static Path root() {
        String configured = System.getProperty(ROOT_PROPERTY, System.getenv(ROOT_ENV));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("kafka-broker").resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the Claimline repository root; set -D" + ROOT_PROPERTY
                + " or " + ROOT_ENV);
    }

    /** The folder holding {@code kafka-broker.jar} and its {@code lib/}, built by the kafka-broker module. */
    public static Path brokerHome() {
        String configured = System.getProperty(BROKER_HOME_PROPERTY);
        Path home = configured != null ? Path.of(configured) : root().resolve("kafka-broker").resolve("target");
        if (!Files.exists(home.resolve("kafka-broker.jar")) || !Files.isDirectory(home.resolve("lib"))) {
            throw new IllegalStateException("the Kafka broker is not built in " + home
                    + ": run ./mvnw package -pl kafka-broker first");
        }
        return home;
    }
}
