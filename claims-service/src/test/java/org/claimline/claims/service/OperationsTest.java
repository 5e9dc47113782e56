package org.claimline.claims.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.util.Map;
import org.claimline.contracts.Topics;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** What operations rely on: durable producers, health that reflects the database and the broker, metrics, OpenAPI. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OperationsTest {

    @Inject
    KafkaClientService kafka;

    @Test
    void everyProducerWaitsForAllReplicasAndIsIdempotent() {
        for (String channel : new String[] {Topics.TIMELINE, Topics.POSTS_DLQ}) {
            Map<String, ?> config = kafka.getProducer(channel).configuration();
            assertEquals("all", String.valueOf(config.get("acks")), channel);
            assertEquals("true", String.valueOf(config.get("enable.idempotence")), channel);
        }
    }

    @Test
    void readinessReportsTheDatabaseAndTheBroker() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("claimline_claims_posts_placed"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }
}
