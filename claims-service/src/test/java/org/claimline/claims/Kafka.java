package org.claimline.claims;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimline.contracts.ContractJson;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.TimelineChanged;
import org.claimline.contracts.Topics;
import org.claimline.contracts.kafka.ContractSerializer;
import org.claimline.infra.TestInfrastructure;

/** Plain Kafka clients for tests: what ingest would publish, and what web-service would read. */
public final class Kafka {

    private static final Duration POLL = Duration.ofMillis(200);

    private Kafka() {
    }

    /** Publishes posts as ingest does (key = post id, JSON by ContractSerializer) and waits for the acks. */
    public static void publish(PostAccepted... posts) {
        Properties props = producerProps();
        try (KafkaProducer<String, PostAccepted> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ContractSerializer<>())) {
            List<Future<?>> acks = new ArrayList<>();
            for (PostAccepted post : posts) {
                acks.add(producer.send(new ProducerRecord<>(Topics.POSTS, post.id(), post)));
            }
            await(acks);
        }
    }

    /** Publishes raw bytes on the posts topic, as a broken producer might. */
    public static void publishRaw(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(), new StringSerializer(),
                new ByteArraySerializer())) {
            await(List.of(producer.send(new ProducerRecord<>(Topics.POSTS, key, value))));
        }
    }

    /** Every record of a topic from its beginning up to now. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(POLL).forEach(records::add);
            }
        }
        return records;
    }

    /** Every timeline change published so far. */
    public static List<TimelineChanged> timeline() {
        return readAll(Topics.TIMELINE).stream()
                .map(r -> ContractJson.read(r.value(), TimelineChanged.class))
                .toList();
    }

    private static Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return props;
    }

    private static void await(List<Future<?>> acks) {
        try {
            for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("test record not acknowledged", e);
        }
    }
}
