package votes.infra.test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import votes.events.deadletter.DeadLetter;
import votes.events.topic.Topics;

/**
 * The letters of a test stack's {@code votes.dead-letter}, read from its beginning (every partition) and keyed by
 * where their record came from ({@code partition@offset} of the source topic): what a poison test looks for.
 */
public final class DeadLetters {

    /** How long one poll waits for records: short, so the caller's condition is checked often. */
    private static final Duration POLL = Duration.ofMillis(200);

    private DeadLetters() {
    }

    /**
     * @param enough the letters read so far are what the caller waits for
     * @return every letter read by then, by source position
     * @throws AssertionError when {@code enough} does not hold within {@code patience}
     */
    public static Map<String, ConsumerRecord<byte[], byte[]>> readUntil(Map<String, Object> kafkaClient, Duration patience,
            Predicate<Map<String, ConsumerRecord<byte[], byte[]>>> enough) {
        Properties config = new Properties();
        config.putAll(kafkaClient);
        Map<String, ConsumerRecord<byte[], byte[]>> letters = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.VOTES_DEAD_LETTER).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + patience.toNanos();
            while (!enough.test(letters)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("within " + patience + ", " + Topics.VOTES_DEAD_LETTER
                            + " held only the letters of " + letters.keySet());
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    letters.put(source(record), record);
                }
            }
        }
        return letters;
    }

    /** {@code partition@offset} of the record a letter stands for, as a test names what it sent. */
    public static String source(ConsumerRecord<byte[], byte[]> letter) {
        DeadLetter read = DeadLetter.fromHeaders(name -> {
            var header = letter.headers().lastHeader(name);
            return header == null ? null : header.value();
        });
        return read.partition() + "@" + read.offset();
    }
}
