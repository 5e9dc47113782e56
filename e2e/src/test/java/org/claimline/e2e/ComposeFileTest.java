package org.claimline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimline.infra.ProjectPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml checked structurally, since no Docker engine runs here: the five services, their ports, health
 * checks and start order, that every Dockerfile it builds exists and can build, that every setting a service reads is
 * set, that data lives in volumes, and that every variable it takes from .env is documented in .env.example.
 */
class ComposeFileTest {

    private static final Set<String> SERVICES = Set.of("postgres", "kafka", "ingest", "claims", "web");
    private static final Map<String, Integer> HTTP_PORTS = Map.of("web", 8080, "ingest", 8081, "claims", 8082);
    private static final Map<String, String> MODULES = Map.of(
            "ingest", "ingest-service", "claims", "claims-service", "web", "web-service");
    /** env.md: what every service reads. */
    private static final List<String> COMMON_ENV = List.of("QUARKUS_HTTP_PORT", "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "CLAIMLINE_HOME");
    /** env.md: what each service reads besides; "A|B" means either of the two. */
    private static final Map<String, List<String>> SERVICE_ENV = Map.of(
            "ingest", List.of("CLAIMLINE_AUTH_INGEST_KEY_FILE|CLAIMLINE_AUTH_INGEST_KEYS",
                    "CLAIMLINE_AUTH_EDITOR_KEY_FILE|CLAIMLINE_AUTH_EDITOR_KEYS", "CLAIMLINE_MEDIA_DIR"),
            "claims", List.of("CLAIMLINE_AUTH_EDITOR_KEY_FILE|CLAIMLINE_AUTH_EDITOR_KEYS"),
            "web", List.of("CLAIMLINE_INGEST_URL", "CLAIMLINE_CLAIMS_URL"));
    /** ${NAME} or ${NAME:-default} / ${NAME:?error} in compose; ${NAME} without default in application.properties. */
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::?[-?][^}]*)?}");
    private static final Pattern REQUIRED_PROPERTY_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern DEFAULT_VALUE = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}");

    private static Path root;
    private static String composeText;
    private static JsonNode compose;

    @BeforeAll
    static void readCompose() throws IOException {
        root = ProjectPaths.root();
        composeText = Files.readString(root.resolve("docker-compose.yml"));
        compose = new YAMLMapper().readTree(composeText);
    }

    @Test
    void hasTheFiveServices() {
        Set<String> names = new TreeSet<>();
        compose.path("services").fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(SERVICES), names);
    }

    @Test
    void publishesTheServicePortsByDefault() {
        HTTP_PORTS.forEach((service, port) -> {
            List<String> published = new ArrayList<>();
            compose.path("services").path(service).path("ports").forEach(p -> published.add(withDefaults(p.asText())));
            assertTrue(published.contains(port + ":" + port), service + " publishes " + published);
            assertEquals(String.valueOf(port), environment(service).get("QUARKUS_HTTP_PORT"), service + " port");
        });
    }

    @Test
    void everyServiceHasAHealthCheck() {
        for (String service : SERVICES) {
            JsonNode test = compose.path("services").path(service).path("healthcheck").path("test");
            assertTrue(test.isArray() && test.size() > 1, service + " has a healthcheck test: " + test);
        }
        for (String service : MODULES.keySet()) {
            String test = compose.path("services").path(service).path("healthcheck").path("test").toString();
            assertTrue(test.contains("/q/health/ready") && test.contains(String.valueOf(HTTP_PORTS.get(service))),
                    service + " is healthy when its readiness check answers 200: " + test);
        }
    }

    @Test
    void servicesStartOnlyOnceTheDatabaseAndBrokerAreHealthy() {
        for (String service : MODULES.keySet()) {
            JsonNode dependsOn = compose.path("services").path(service).path("depends_on");
            for (String needed : List.of("postgres", "kafka")) {
                assertEquals("service_healthy", dependsOn.path(needed).path("condition").asText(),
                        service + " waits for " + needed + " to be healthy");
            }
        }
        compose.path("services").fields().forEachRemaining(service -> service.getValue().path("depends_on").fields()
                .forEachRemaining(dep -> assertEquals("service_healthy", dep.getValue().path("condition").asText(),
                        service.getKey() + " -> " + dep.getKey())));
    }

    @Test
    void everyDockerfileExistsIsMultiStageAndCopiesEveryModule() throws IOException {
        List<String> modules = rootModules();
        assertFalse(modules.isEmpty());
        for (Map.Entry<String, String> entry : MODULES.entrySet()) {
            JsonNode build = compose.path("services").path(entry.getKey()).path("build");
            assertFalse(build.isMissingNode(), entry.getKey() + " is built from source");
            Path context = root.resolve(build.path("context").asText("."));
            Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile")).normalize();
            assertTrue(Files.isRegularFile(dockerfile), dockerfile + " exists");
            assertEquals(root.resolve(entry.getValue()).resolve("src/main/docker/Dockerfile.jvm"), dockerfile);

            String text = Files.readString(dockerfile);
            List<String> froms = text.lines().filter(l -> l.startsWith("FROM ")).toList();
            assertEquals(2, froms.size(), dockerfile + ": a build stage and a runtime stage");
            assertTrue(froms.get(0).contains("17-jdk"), froms.get(0));
            assertTrue(froms.get(1).contains("17-jre"), froms.get(1));
            assertTrue(text.contains("-pl " + entry.getValue() + " -am"), dockerfile + " builds its module");
            assertTrue(text.contains("quarkus-run.jar"), dockerfile + " runs the fast-jar");
            for (String module : modules) {
                assertTrue(text.contains("COPY " + module + " " + module), dockerfile + " copies module " + module
                        + " (the root pom lists it, so Maven needs it)");
            }
            assertFalse(text.contains("COPY . ."), dockerfile + " must not copy .claimline/ (keys) into the image");
        }
    }

    @Test
    void everyServiceGetsEverySettingItReads() throws IOException {
        for (String service : MODULES.keySet()) {
            Map<String, String> env = environment(service);
            List<String> required = new ArrayList<>(COMMON_ENV);
            required.addAll(SERVICE_ENV.get(service));
            required.addAll(variablesWithoutDefault(service));
            for (String variable : required) {
                boolean set = false;
                for (String alternative : variable.split("\\|")) {
                    set |= env.containsKey(alternative) && !env.get(alternative).isBlank();
                }
                assertTrue(set, service + " sets " + variable + " (has " + env.keySet() + ")");
            }
            assertEquals("jdbc:postgresql://postgres:5432/" + service, env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        }
        Map<String, String> web = environment("web");
        assertEquals("http://ingest:8081", web.get("CLAIMLINE_INGEST_URL"));
        assertEquals("http://claims:8082", web.get("CLAIMLINE_CLAIMS_URL"));
    }

    @Test
    void postgresCreatesTheThreeDatabases() {
        JsonNode postgres = compose.path("services").path("postgres");
        assertTrue(postgres.path("image").asText().startsWith("postgres:17"), postgres.path("image").asText());
        String initTarget = postgres.path("configs").path(0).path("target").asText();
        assertTrue(initTarget.startsWith("/docker-entrypoint-initdb.d/"), initTarget);
        String source = postgres.path("configs").path(0).path("source").asText();
        String script = compose.path("configs").path(source).path("content").asText();
        for (String db : List.of("ingest", "claims", "web")) {
            assertTrue(script.contains("CREATE DATABASE " + db + ";"), script);
        }
    }

    @Test
    void kafkaIsASingleNodeKraftBroker() {
        Map<String, String> env = environment("kafka");
        assertTrue(compose.path("services").path("kafka").path("image").asText().contains("apache/kafka"));
        assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
        assertEquals("PLAINTEXT://kafka:9092", env.get("KAFKA_ADVERTISED_LISTENERS"));
        for (String factor : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR")) {
            assertEquals("1", env.get(factor), factor);
        }
    }

    @Test
    void dataLivesInNamedVolumes() {
        Set<String> declared = new TreeSet<>();
        compose.path("volumes").fieldNames().forEachRemaining(declared::add);
        assertEquals("postgres-data", volumeAt("postgres", "/var/lib/postgresql/data"));
        assertEquals("kafka-data", volumeAt("kafka", environment("kafka").get("KAFKA_LOG_DIRS")));
        assertEquals("media", volumeAt("ingest", environment("ingest").get("CLAIMLINE_MEDIA_DIR")));
        assertTrue(declared.containsAll(Set.of("postgres-data", "kafka-data", "media")), "declared: " + declared);
    }

    @Test
    void everyVariableTakenFromEnvIsDocumentedInEnvExample() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher m = COMPOSE_VARIABLE.matcher(composeText);
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(root.resolve(".env.example"))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                documented.add(line.substring(0, eq).trim());
            }
        }
        assertEquals(used, documented, ".env.example documents exactly the variables docker-compose.yml uses");
        for (String secret : List.of("POSTGRES_PASSWORD", "CLAIMLINE_INGEST_KEYS", "CLAIMLINE_EDITOR_KEYS")) {
            assertTrue(composeText.contains("${" + secret + ":?"), secret + " is required, never defaulted");
        }
    }

    /** The named volume mounted at a container path. */
    private static String volumeAt(String service, String containerPath) {
        for (JsonNode volume : compose.path("services").path(service).path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2 && parts[1].equals(containerPath)) {
                return parts[0];
            }
        }
        return fail(service + " mounts no volume at " + containerPath);
    }

    private static Map<String, String> environment(String service) {
        JsonNode env = compose.path("services").path(service).path("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (env.isArray()) {
            for (JsonNode item : env) {
                String[] kv = item.asText().split("=", 2);
                values.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> fields = env.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                values.put(field.getKey(), field.getValue().asText());
            }
        }
        return values;
    }

    /** Environment variables the service's application.properties reads without a default. */
    private static Set<String> variablesWithoutDefault(String service) throws IOException {
        Path properties = root.resolve(MODULES.get(service)).resolve("src/main/resources/application.properties");
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(properties)) {
            if (line.startsWith("#") || line.startsWith("%dev.") || line.startsWith("%test.")) {
                continue;
            }
            Matcher m = REQUIRED_PROPERTY_VARIABLE.matcher(line);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static String withDefaults(String text) {
        return DEFAULT_VALUE.matcher(text).replaceAll("$1");
    }

    private static List<String> rootModules() throws IOException {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        return modules;
    }
}
