package votes.realtime.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import votes.events.codec.EventCodec;
import votes.events.tally.Tally;
import votes.events.tally.TallyOption;
import votes.events.topic.Topics;
import votes.infra.test.LocalStackResource;

/** Plays the projections' part: writes Tally JSON to vote-tallies, keyed by poll id. */
public final class TallyFixture {

    public static final String TOPIC = Topics.VOTE_TALLIES;
    private static KafkaProducer<String, String> producer;

    private TallyFixture() {
    }

    static Map<String, Object> kafkaClient() {
        return LocalStackResource.stack().kafkaClientProperties();
    }

    /** Idempotent: infra may already have created it (6 partitions, compacted). */
    static void ensureTopic() {
        try (Admin admin = Admin.create(kafkaClient())) {
            Set<String> names = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            if (names.contains(TOPIC)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + TOPIC, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + TOPIC, e);
        }
    }

    public static String newPollId() {
        return "poll-" + UUID.randomUUID();
    }

    /** Tally JSON of a two-option poll (Pizza, Salad), written by the contract's own codec as projections write it. */
    public static String tally(String pollId, long version, long a, long b, boolean closed) {
        Tally tally = new Tally(pollId, "Lunch", List.of(new TallyOption("a", "Pizza", a),
                new TallyOption("b", "Salad", b)), a + b, version, Instant.now(), closed);
        return new String(EventCodec.encode(tally), StandardCharsets.UTF_8);
    }

    public static void publish(String pollId, long version, long a, long b) {
        publish(pollId, tally(pollId, version, a, b, false));
    }

    /** Sent and acknowledged before returning. */
    public static synchronized void publish(String pollId, String json) {
        try {
            producer().send(new ProducerRecord<>(TOPIC, pollId, json)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish a tally of " + pollId, e);
        }
    }

    /** Sends without waiting for each ack, then flushes: a real burst. */
    public static synchronized void burst(String pollId, long fromVersion, long toVersion) {
        for (long v = fromVersion; v <= toVersion; v++) {
            producer().send(new ProducerRecord<>(TOPIC, pollId, tally(pollId, v, v, v / 2, false)));
        }
        producer().flush();
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.putAll(kafkaClient());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
