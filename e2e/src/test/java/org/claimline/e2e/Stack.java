package org.claimline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
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
 * The whole Claimline stack for one test class: the real PostgreSQL and Kafka broker of the infra module and the
 * three packaged services on free ports, wired with the same environment variables the launcher sets (env.md).
 * Everything it started is killed and its temporary home deleted on close, or at JVM exit if a test aborts.
 */
final class Stack implements AutoCloseable {

    private static final int KEY_BYTES = 32;
    private static final String DB_PASSWORD = "postgres";

    private final Path home;
    private final String ingestKey;
    private final String editorKey;
    private final ServiceProcess ingest;
    private final ServiceProcess claims;
    private final ServiceProcess web;
    private final Thread cleanup = new Thread(this::stopAll, "e2e-stack-cleanup");

    private Stack(Path home, String ingestKey, String editorKey, ServiceProcess ingest, ServiceProcess claims,
            ServiceProcess web) {
        this.home = home;
        this.ingestKey = ingestKey;
        this.editorKey = editorKey;
        this.ingest = ingest;
        this.claims = claims;
        this.web = web;
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

        Stack stack = new Stack(home, ingestKey, editorKey,
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
