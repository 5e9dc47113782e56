package org.claimline.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.Map;
import org.claimline.infra.Directories;
import org.claimline.infra.Ports;
import org.claimline.infra.Postgres;

/**
 * A PostgreSQL server of its own for a test that stops and restarts the database: the shared server of
 * {@code TestInfrastructure} serves every other test application and must stay up. The server keeps its data
 * directory and port across a stop, so starting it again brings back the same database; all is removed at the end.
 * The test gets the server in a field annotated {@link InjectPostgres}.
 */
public class OwnPostgresResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link Postgres} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectPostgres {
    }

    public static final String DATABASE = "ingest";

    private Path dir;
    private Postgres postgres;

    @Override
    public Map<String, String> start() {
        dir = Directories.temporary("claimline-pg-outage-");
        postgres = new Postgres(dir.resolve("data"), Ports.free(), false).start();
        postgres.createDatabase(DATABASE);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", Postgres.USER,
                "quarkus.datasource.password", Postgres.USER);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(postgres,
                new TestInjector.AnnotatedAndMatchesType(InjectPostgres.class, Postgres.class));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
        if (dir != null) {
            Directories.deleteRecursively(dir);
        }
    }
}
