package org.claimline.infra.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.claimline.infra.Postgres;
import org.claimline.infra.TestInfrastructure;

/** Gives a Quarkus test application its own fresh database on the real PostgreSQL server of this test JVM. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", TestInfrastructure.newDatabase("test"),
                "quarkus.datasource.username", Postgres.USER,
                "quarkus.datasource.password", Postgres.USER);
    }

    @Override
    public void stop() {
        // The server is shared by every test application of this JVM and removed when the JVM exits.
    }
}
