package votes.ledger;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import votes.events.codec.EventCodec;
import votes.events.codec.PollEventDeserializer;
import votes.events.flag.VoteFlagged;
import votes.events.id.EventIds;
import votes.events.key.PartitionKeys;
import votes.events.key.VoterIds;
import votes.events.poll.PollEvent;
import votes.events.topic.Topics;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;

/**
 * What the ledger ITs share: tokens, polls made through the admin API, and votes appended straight to
 * {@code votes.submitted} the way ingest appends them (and poll facts to {@code poll-events} as an admin tool would).
 */
public final class LedgerFixture {

    /** application.properties' default key: the ITs run without VOTER_ID_KEY. */
    public static final VoterIds VOTER_IDS = new VoterIds("dev-voter-id-key-change-me");

    private static KafkaProducer<String, byte[]> producer;

    private LedgerFixture() {
    }

    public static String token(String sub, String... groups) {
        return LocalStackResource.stack().token(sub, groups);
    }

    public static String admin() {
        return token("admin-" + UUID.randomUUID(), "admin");
    }

    /** A fresh subject, so every test has voters of its own in the shared database. */
    public static String newSubject(String name) {
        return name + "-" + UUID.randomUUID();
    }

    /** Creates an open poll with options a and b through the API; returns its id. */
    public static String createPoll() {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Lunch?", "options", List.of(
                        Map.of("id", "a", "label", "Pizza"), Map.of("id", "b", "label", "Soup"))))
                .post("/api/v1/polls")
                .then().statusCode(201)
                .extract().path("pollId");
    }

    public static VoteSubmitted vote(String pollId, String subject, String optionId, Instant submittedAt) {
        return VoteSubmitted.of(EventIds.next(), pollId, VOTER_IDS.of(subject), optionId, submittedAt, null, null);
    }

    /** Appends like ingest does (key by poll and voter, acks=all) and waits for the broker's ack. */
    public static void append(VoteSubmitted vote) {
        appendAtOnce(List.of(vote));
    }

    /** Appends a poll fact like the ledger's admin API does (keyed by poll) and waits for the broker's ack. */
    public static RecordMetadata append(PollEvent event) {
        return send(Topics.POLL_EVENTS, PartitionKeys.poll(event.pollId()), EventCodec.encode(event));
    }

    /** @return where the broker put it */
    public static RecordMetadata send(String key, byte[] value) {
        return send(Topics.VOTES_SUBMITTED, key, value);
    }

    /** Appends a flag the way ingest does (keyed by poll and subject, acks=all) and waits for the broker's ack. */
    public static void flag(VoteFlagged flag) {
        send(Topics.VOTES_FLAGS, flag.key(), EventCodec.encode(flag));
    }

    /** @return where the broker put it */
    public static synchronized RecordMetadata send(String topic, String key, byte[] value) {
        return acked(producer().send(new ProducerRecord<>(topic, key, value)), topic);
    }

    /** The votes sent at once, then waited for: they reach the broker in a few produce requests, not one each. */
    public static synchronized void appendAtOnce(List<VoteSubmitted> votes) {
        votes.stream().map(vote -> producer().send(new ProducerRecord<>(Topics.VOTES_SUBMITTED,
                        PartitionKeys.vote(vote.pollId(), vote.voterId()), EventCodec.encode(vote))))
                .toList()
                .forEach(sent -> acked(sent, Topics.VOTES_SUBMITTED));
    }

    private static RecordMetadata acked(Future<RecordMetadata> sent, String topic) {
        try {
            return sent.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot append to " + topic, e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.putAll(LocalStackResource.stack().kafkaClientProperties());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /**
     * poll-events from offset 0 up to where it ends now, every partition, decoded, in offset order per partition.
     */
    public static List<ConsumerRecord<String, PollEvent>> pollEventsUpToNow() {
        Properties config = new Properties();
        config.putAll(LocalStackResource.stack().kafkaClientProperties());
        List<ConsumerRecord<String, PollEvent>> events = new ArrayList<>();
        try (KafkaConsumer<String, PollEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new PollEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.POLL_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, PollEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        events.add(record);
                    }
                }
            }
        }
        return events;
    }

    /** Every event of the poll in {@code poll-events} so far, in log order. */
    public static List<PollEvent> pollEvents(String pollId) {
        return pollEventsUpToNow().stream().filter(record -> pollId.equals(record.key())).map(ConsumerRecord::value)
                .toList();
    }

    public static Duration patience() {
        return Duration.ofSeconds(20);
    }
}
