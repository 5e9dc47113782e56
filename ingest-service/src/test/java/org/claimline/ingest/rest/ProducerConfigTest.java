package org.claimline.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.claimline.contracts.Topics;
import org.claimline.infra.quarkus.KafkaTestResource;
import org.claimline.infra.quarkus.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** The posts producer really runs with acks=all and idempotence (SmallRye would otherwise default to acks=1). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ProducerConfigTest {

    @Inject
    KafkaClientService clients;

    @Test
    void postsChannelConfigurationAsksForAcksAllAndIdempotence() {
        Map<String, ?> config = clients.getProducer(Topics.POSTS).configuration();
        assertEquals("all", String.valueOf(config.get(ProducerConfig.ACKS_CONFIG)));
        assertEquals("true", String.valueOf(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)));
        assertEquals("org.claimline.contracts.kafka.ContractSerializer",
                String.valueOf(config.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)));
        long deliveryTimeout = Long.parseLong(String.valueOf(config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)));
        long maxBlock = Long.parseLong(String.valueOf(config.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)));
        assertTrue(deliveryTimeout < 5_000, "a broker outage must end in a 503 within 5 s");
        assertTrue(maxBlock < 5_000, "send() must never block for long");
    }

    @Test
    void theKafkaClientItselfEndedUpWithAcksAllAndIdempotence() throws ReflectiveOperationException {
        Producer<?, ?> producer = clients.getProducer(Topics.POSTS).unwrap();
        assertTrue(producer instanceof KafkaProducer<?, ?>);
        ProducerConfig effective = (ProducerConfig) field(producer, "producerConfig");
        assertEquals("-1", String.valueOf(effective.getString(ProducerConfig.ACKS_CONFIG)));
        assertTrue(effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertNotNull(field(producer, "transactionManager"),
                "kafka-clients only builds a transaction manager when idempotence is really on");
        long linger = effective.getLong(ProducerConfig.LINGER_MS_CONFIG);
        assertTrue(linger >= 1 && linger <= 5, "linger.ms small but non-zero so records batch");
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field field = KafkaProducer.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
