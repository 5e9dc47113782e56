package org.claimline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimline.infra.Directories;
import org.claimline.infra.KafkaBroker;
import org.claimline.infra.Ports;
import org.claimline.infra.Postgres;
import org.claimline.infra.ProjectPaths;
import org.claimline.infra.TestInfrastructure;

/**
 * The whole Claimline stack: the real PostgreSQL and Kafka broker of the infra module and the three packaged services
 * on free ports, wired with the same environment variables the launcher sets (env.md). The test classes of one run
 * share one stack ({@link #shared()}), since a start costs 15-45 s of the module's time budget; each leaves it whole.
 * Everything it started is killed and its temporary home deleted on close, or at JVM exit.
 */
final class Stack implements AutoCloseable {

    private static final int KEY_BYTES = 32;
    private static final String DB_PASSWORD = "postgres";
    private static Stack shared;
    private static RuntimeException sharedFailure;

    private final Path home;
    private final Path logs;
    private final String ingestKey;
    private final String editorKey;
    private final ServiceProcess ingest;
    private final ServiceProcess claims;
    private final ServiceProcess web;
    private final Thread cleanup = new Thread(this::stopAll, "e2e-stack-cleanup");

    private Stack(Path home, Path logs, String ingestKey, String editorKey, ServiceProcess ingest,
            ServiceProcess claims, ServiceProcess web) {
        this.home = home;
        this.logs = logs;
        this.ingestKey = ingestKey;
        this.editorKey = editorKey;
        this.ingest = ingest;
        this.claims = claims;
        this.web = web;
    }

    /**
     * The stack of this test JVM, started on first use and killed when the JVM exits; a failed start is remembered,
     * so that later test classes fail at once instead of waiting for it again.
     */
    static synchronized Stack shared() {
        if (sharedFailure != null) {
            throw new IllegalStateException("the shared stack failed to start earlier", sharedFailure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** Starts PostgreSQL, Kafka and the three services, and returns once every service reports ready. */
    static Stack start() {
        Path root = ProjectPaths.root();
        Postgres postgres = TestInfrastructure.postgres();
        KafkaBroker kafka = TestInfrastructure.kafka();
        for (String db : List.of("ingest", "claims", "web")) {
            postgres.createDatabase(db);
        }
        Path home = Directories.temporary("claimline-e2e-");
        String ingestKey = writeKey(home, "ingest");
        String editorKey = writeKey(home, "editor");
        Path logs = root.resolve("e2e").resolve("target").resolve("e2e-logs");
        Directories.deleteRecursively(logs);

        int ingestPort = Ports.free();
        int claimsPort = Ports.free();
        int webPort = Ports.free();
        Map<String, String> ingestEnv = common(postgres, kafka, home, "ingest", ingestPort);
        ingestEnv.put("CLAIMLINE_AUTH_INGEST_KEY_FILE", home.resolve("keys/ingest.key").toString());
        ingestEnv.put("CLAIMLINE_AUTH_EDITOR_KEY_FILE", home.resolve("keys/editor.key").toString());
        ingestEnv.put("CLAIMLINE_MEDIA_DIR", home.resolve("media").toString());
        Map<String, String> claimsEnv = common(postgres, kafka, home, "claims", claimsPort);
        claimsEnv.put("CLAIMLINE_AUTH_EDITOR_KEY_FILE", home.resolve("keys/editor.key").toString());
        Map<String, String> webEnv = common(postgres, kafka, home, "web", webPort);
        webEnv.put("CLAIMLINE_INGEST_URL", "http://127.0.0.1:" + ingestPort);
        webEnv.put("CLAIMLINE_CLAIMS_URL", "http://127.0.0.1:" + claimsPort);

        Stack stack = new Stack(home, logs, ingestKey, editorKey,
                service(root, "ingest-service", ingestPort, ingestEnv, logs),
                service(root, "claims-service", claimsPort, claimsEnv, logs),
                service(root, "web-service", webPort, webEnv, logs));
        Runtime.getRuntime().addShutdownHook(stack.cleanup);
        try {
            for (ServiceProcess s : stack.services()) {
                s.start();
            }
            for (ServiceProcess s : stack.services()) {
                s.awaitReady();
            }
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    String ingestUrl() {
        return ingest.baseUrl();
    }

    String webUrl() {
        return web.baseUrl();
    }

    String claimsUrl() {
        return claims.baseUrl();
    }

    /** The stack's {@code CLAIMLINE_HOME}: keys, media, and where the tools keep their state. */
    Path home() {
        return home;
    }

    /** Where the services' logs (and the tools' output) are kept: {@code e2e/target/e2e-logs}. */
    Path logs() {
        return logs;
    }

    /** A connection to one service's own database: {@code ingest}, {@code claims} or {@code web}. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.postgres().jdbcUrl(database), Postgres.USER,
                DB_PASSWORD);
    }

    ServiceProcess web() {
        return web;
    }

    String ingestKey() {
        return ingestKey;
    }

    String editorKey() {
        return editorKey;
    }

    KafkaBroker kafka() {
        return TestInfrastructure.kafka();
    }

    List<ServiceProcess> services() {
        return List.of(ingest, claims, web);
    }

    /** The end of every service's log, for a failure message. */
    String logTails() {
        StringBuilder tails = new StringBuilder();
        for (ServiceProcess s : services()) {
            tails.append("\n---- ").append(s.name()).append(" ----\n").append(s.logTail());
        }
        return tails.toString();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }

    private void stopAll() {
        for (ServiceProcess s : List.of(web, claims, ingest)) {
            s.close();
        }
        Directories.deleteRecursively(home);
    }

    private static Map<String, String> common(Postgres postgres, KafkaBroker kafka, Path home, String db, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(db));
        env.put("QUARKUS_DATASOURCE_USERNAME", Postgres.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", DB_PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("CLAIMLINE_HOME", home.toString());
        return env;
    }

    private static ServiceProcess service(Path root, String module, int port, Map<String, String> env, Path logs) {
        Path jar = root.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        return new ServiceProcess(module, jar, port, env, logs.resolve(module + ".log"));
    }

    /** One key, one line, owner-only: as the launcher writes them. */
    private static String writeKey(Path home, String name) {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        try {
            Path dir = Files.createDirectories(home.resolve("keys"));
            Path file = dir.resolve(name + ".key");
            Files.writeString(file, key + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + name + " key", e);
        }
        return key;
    }
}
