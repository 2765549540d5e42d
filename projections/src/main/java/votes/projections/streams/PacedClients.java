package votes.projections.streams;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Kafka Streams' clients, as Streams makes them itself, but for the stream threads' main consumers: those poll as
 * {@link PollPacing} says, so an idle thread blocks for the long {@code poll.ms} while a burst's last commit and a
 * restored task wait no longer than the commit interval. Quarkus hands this supplier to Kafka Streams.
 */
@Singleton
public class PacedClients implements KafkaClientSupplier {

    private final PollPacing pacing;
    private final StreamsRunning streams;

    @Inject
    public PacedClients(StreamsRunning streams,
                        @ConfigProperty(name = "kafka-streams.commit.interval.ms") long commitIntervalMs) {
        this.streams = streams;
        this.pacing = PollPacing.forCommitInterval(commitIntervalMs);
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return new PacedConsumer(config, pacing, streams);
    }

    /** The state updater's: it restores stores at its own pace, not the stream thread's poll. */
    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return plainConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return plainConsumer(config);
    }

    private static Consumer<byte[], byte[]> plainConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** A stream thread's main consumer; only that thread polls it, so its one field needs no fence. */
    static final class PacedConsumer extends KafkaConsumer<byte[], byte[]> {

        private final PollPacing pacing;
        private final StreamsRunning streams;
        private boolean lastPollBroughtRecords = true;

        PacedConsumer(Map<String, Object> config, PollPacing pacing, StreamsRunning streams) {
            super(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            this.pacing = pacing;
            this.streams = streams;
        }

        @Override
        public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
            ConsumerRecords<byte[], byte[]> records =
                    super.poll(pacing.next(timeout, streams.running(), lastPollBroughtRecords));
            lastPollBroughtRecords = !records.isEmpty();
            return records;
        }
    }
}
