package org.claimline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

    @Test
    void postgresStoresAndReadsRows() throws Exception {
        String url = TestInfrastructure.newDatabase("infra");
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, Postgres.USER);
             Statement s = c.createStatement()) {
            s.execute("create table t (v text)");
            s.execute("insert into t values ('حلب')");
            try (ResultSet rs = s.executeQuery("select v, version() from t")) {
                assertTrue(rs.next());
                assertEquals("حلب", rs.getString(1));
                assertTrue(rs.getString(2).startsWith("PostgreSQL"), rs.getString(2));
            }
        }
    }

    @Test
    void brokerKeepsRecordsAcrossAKill() throws Exception {
        KafkaBroker broker = TestInfrastructure.kafka();
        String topic = "infra-test";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "before the crash")).get();
        }
        broker.kill();
        assertFalse(Ports.listening(broker.port()));
        broker.start();

        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-test");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    assertEquals("before the crash", records.iterator().next().value());
                    return;
                }
            }
        }
        throw new AssertionError("the record written before the kill was not read back");
    }
}
