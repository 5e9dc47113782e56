package org.claimline.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.claimline.contracts.ContractJson;
import org.claimline.contracts.PostAccepted;
import org.claimline.contracts.Topics;
import org.claimline.infra.TestInfrastructure;

/** Reads {@code claimline.posts.v1} from the beginning with a plain consumer, as claims-service would. */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicReader() {
    }

    /** Every record with this key, decoded with the contract's JSON, waiting up to {@code timeout} for the first. */
    public static List<PostAccepted> recordsWithKey(String key, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.POSTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            List<PostAccepted> found = new java.util.ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    if (key.equals(r.key())) {
                        found.add(ContractJson.read(r.value(), PostAccepted.class));
                    }
                }
                boolean atEnd = true;
                for (TopicPartition p : partitions) {
                    atEnd &= consumer.position(p) >= end.get(p);
                }
                if (atEnd && !found.isEmpty()) {
                    return found;
                }
                if (atEnd) {
                    end = consumer.endOffsets(partitions);
                }
            }
            return found;
        }
    }

    public static Optional<PostAccepted> first(String key, Duration timeout) {
        return recordsWithKey(key, timeout).stream().findFirst();
    }
}
