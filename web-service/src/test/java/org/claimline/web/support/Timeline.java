package org.claimline.web.support;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimline.contracts.ChangeKind;
import org.claimline.contracts.ClaimedAuthor;
import org.claimline.contracts.EventSummary;
import org.claimline.contracts.EventsMerged;
import org.claimline.contracts.Place;
import org.claimline.contracts.PostSummary;
import org.claimline.contracts.SignalNote;
import org.claimline.contracts.StorylineSummary;
import org.claimline.contracts.StorylinesMerged;
import org.claimline.contracts.TimelineChanged;
import org.claimline.contracts.Topics;
import org.claimline.contracts.kafka.ContractSerializer;
import org.claimline.infra.TestInfrastructure;

/** Test helper: builds timeline changes as claims-service would and publishes them to the real broker. */
public final class Timeline {

    private static final long SEND_TIMEOUT_SECONDS = 10;
    private static KafkaProducer<String, TimelineChanged> producer;
    private static KafkaProducer<String, byte[]> rawProducer;

    private Timeline() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static EventSummary event(String id, String title, long posts) {
        return new EventSummary(id, title, new Place("East Aleppo, Syria", 36.2, 37.17, 5.0),
                Instant.parse("2016-12-13T09:00:00Z"), Instant.parse("2016-12-13T09:00:00Z").plusSeconds(posts * 60),
                posts, posts, 1, "live");
    }

    public static StorylineSummary storyline(String id, String eventId, String label, long posts) {
        return new StorylineSummary(id, eventId, label, null, Instant.parse("2016-12-13T09:00:00Z"),
                Instant.parse("2016-12-13T09:00:00Z").plusSeconds(posts * 60), posts, posts, posts);
    }

    public static PostSummary post(String id, String text, String author, String place, Instant postedAt) {
        return new PostSummary(id, "x", "ext-" + id, "https://x.com/p/" + id, new ClaimedAuthor(author, author), text,
                "en", postedAt, new Place(place, 36.2, 37.17, 5.0), List.of(), List.of("aleppo"),
                List.of("same place cell and time window"),
                List.of(new SignalNote("first-report", "earliest post of its storyline", null)));
    }

    /** A POST_PLACED change: the n-th post (1-based) of an event with one storyline. */
    public static TimelineChanged placed(String eventId, String storylineId, long sequence, String postId,
            String text) {
        Instant postedAt = Instant.parse("2016-12-13T09:00:00Z").plusSeconds(sequence * 60);
        return new TimelineChanged(TimelineChanged.SCHEMA_VERSION, ChangeKind.POST_PLACED, eventId, sequence,
                Instant.now(), event(eventId, "Evacuation of " + eventId, sequence),
                storyline(storylineId, eventId, "story " + storylineId, sequence),
                post(postId, text, "@reporter", "East Aleppo", postedAt), null, null, null);
    }

    /** A POST_PLACED change from its parts. */
    public static TimelineChanged placed(long sequence, EventSummary event, StorylineSummary storyline,
            PostSummary post) {
        return new TimelineChanged(TimelineChanged.SCHEMA_VERSION, ChangeKind.POST_PLACED, event.id(), sequence,
                Instant.now(), event, storyline, post, null, null, null);
    }

    public static TimelineChanged merged(String intoEventId, long sequence, String fromEventId, long posts) {
        return new TimelineChanged(TimelineChanged.SCHEMA_VERSION, ChangeKind.EVENTS_MERGED, intoEventId, sequence,
                Instant.now(), event(intoEventId, "Merged " + intoEventId, posts), null, null,
                new EventsMerged(fromEventId, intoEventId), null, null);
    }

    /** A STORYLINES_MERGED change: {@code from} absorbed by {@code into}, which now holds {@code posts} posts. */
    public static TimelineChanged storylinesMerged(String eventId, long sequence, String from, String into,
            long posts) {
        return new TimelineChanged(TimelineChanged.SCHEMA_VERSION, ChangeKind.STORYLINES_MERGED, eventId, sequence,
                Instant.now(), event(eventId, "Evacuation of " + eventId, posts),
                storyline(into, eventId, "story " + into, posts), null, null, null, new StorylinesMerged(from, into));
    }

    public static synchronized void send(TimelineChanged... changes) {
        if (producer == null) {
            producer = new KafkaProducer<>(config(), new StringSerializer(), new ContractSerializer<>());
        }
        try {
            for (TimelineChanged change : changes) {
                producer.send(new ProducerRecord<>(Topics.TIMELINE, change.eventId(), change))
                        .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish a timeline change", e);
        }
    }

    public static synchronized void sendRaw(String key, byte[] value) {
        if (rawProducer == null) {
            rawProducer = new KafkaProducer<>(config(), new StringSerializer(), new ByteArraySerializer());
        }
        try {
            rawProducer.send(new ProducerRecord<>(Topics.TIMELINE, key, value)).get(SEND_TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish a raw record", e);
        }
    }

    private static Properties config() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return properties;
    }
}
