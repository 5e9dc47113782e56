package org.claimline.infra.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.claimline.infra.TestInfrastructure;

/** Points a Quarkus test application at the real Kafka broker of this test JVM. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker is shared by every test application of this JVM and removed when the JVM exits.
    }
}
