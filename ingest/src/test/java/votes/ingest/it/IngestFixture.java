package votes.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import votes.events.codec.EventCodec;
import votes.events.codec.PollEventSerializer;
import votes.events.id.EventIds;
import votes.events.poll.PollClosed;
import votes.events.poll.PollCreated;
import votes.events.poll.PollEvent;
import votes.events.poll.PollOption;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;
import votes.infra.token.TokenMinter;

/** What every ingest IT needs from the real stack: tokens, polls on poll-events, and what reached votes.submitted. */
public final class IngestFixture {

    public static final List<PollOption> OPTIONS = List.of(new PollOption("a", "A"), new PollOption("b", "B"));

    private IngestFixture() {
    }

    public static String token(String sub, String... groups) {
        return LocalStackResource.stack().tokens().mint(sub, groups.length == 0 ? List.of("voter") : List.of(groups), Duration.ofHours(1));
    }

    public static String expiredToken(String sub) {
        return LocalStackResource.stack().tokens().mint(sub, List.of("voter"), Duration.ofMinutes(-10));
    }

    /** Signed by a key the services never heard of. */
    public static String badlySignedToken(String sub) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TokenMinter(generator.generateKeyPair().getPrivate(), LocalStackResource.stack().settings().jwtIssuer())
                    .mint(sub, List.of("voter"), Duration.ofHours(1));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String newPollId() {
        return "poll-" + UUID.randomUUID();
    }

    public static void createPoll(String pollId, Instant opensAt, Instant closesAt) {
        publish(new PollCreated(1, EventIds.next(), pollId, "Poll " + pollId, OPTIONS, opensAt, closesAt, Instant.now()));
    }

    public static void closePoll(String pollId) {
        publish(new PollClosed(1, EventIds.next(), pollId, Instant.now()));
    }

    private static void publish(PollEvent event) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.stack().kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, PollEvent> producer = new KafkaProducer<>(props, new StringSerializer(),
                new PollEventSerializer())) {
            producer.send(new ProducerRecord<>("poll-events", event.pollId(), event)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + event, e);
        }
    }

    /** Every record of votes.submitted about this poll, read up to the log's end as it is now. */
    public static List<ConsumerRecord<String, VoteSubmitted>> votesOn(String pollId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.stack().kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, VoteSubmitted>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("votes.submitted").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("reading votes.submitted to its end").isLessThan(deadline);
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    VoteSubmitted vote = EventCodec.decodeVote(r.value());
                    if (vote.pollId().equals(pollId)) {
                        found.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), vote));
                    }
                }
            }
        }
        return found;
    }

    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A loopback port nothing listens on (bound, then released). */
    public static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(String optionId) {
        return "{\"optionId\":\"" + optionId + "\"}";
    }
}
