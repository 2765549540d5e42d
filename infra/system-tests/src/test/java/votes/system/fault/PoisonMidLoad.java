package votes.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import votes.events.codec.EventCodec;
import votes.events.key.PartitionKeys;
import votes.events.topic.Topics;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.DeadLetters;
import votes.system.LedgerDatabase;

/**
 * Poison in the middle of the load, appended straight to votes.submitted as a faulty producer would: a vote whose
 * voter id holds a NUL byte (PostgreSQL refuses it: SQLSTATE 22021) and bytes that are no JSON, keyed among the
 * poll's voters. The votes after them on their partitions must be recorded within seconds (the run's own checks),
 * both must be in votes.dead-letter, and the vote with an event id must be rejected 'malformed'.
 */
final class PoisonMidLoad implements Fault {

    private final List<String> positions = new ArrayList<>();
    private UUID malformed;

    @Override
    public String name() {
        return "poison record mid-load";
    }

    @Override
    public Duration hold() {
        return Duration.ofSeconds(1);
    }

    @Override
    public void inject(Scene scene) throws Exception {
        Properties config = new Properties();
        config.putAll(scene.stack().kafkaClientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            malformed = UUID.randomUUID();
            VoteSubmitted nul = VoteSubmitted.of(malformed, scene.pollId(), "poison\u0000voter", "a", Instant.now(),
                    null, null);
            positions.add(append(producer, PartitionKeys.vote(scene.pollId(), "poison-1"), EventCodec.encode(nul)));
            positions.add(append(producer, PartitionKeys.vote(scene.pollId(), "poison-2"),
                    "<html>no vote</html>".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String append(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        RecordMetadata at = producer.send(new ProducerRecord<>(Topics.VOTES_SUBMITTED, key, value))
                .get(30, TimeUnit.SECONDS);
        return at.partition() + "@" + at.offset();
    }

    @Override
    public void recover(Scene scene) {
    }

    @Override
    public void verify(Scene scene) {
        LedgerDatabase ledger = new LedgerDatabase(scene.stack().stack());
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.rejectedAmong(List.of(malformed)) == 1);
        Set<String> lettered = DeadLetters.readUntil(scene.stack().kafkaClientProperties(), Duration.ofSeconds(60),
                letters -> letters.keySet().containsAll(positions)).keySet();
        assertThat(lettered).containsAll(positions);
    }
}
