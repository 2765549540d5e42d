package votes.perf.floor;

import java.util.Properties;
import votes.perf.baseline.RawAppends;

/**
 * A raw append per record: the raw producer baseline's producer (acks=all, idempotent, ingest's linger, batch and
 * compression, encoded VoteSubmitted records, a scratch topic with votes.submitted's partitions), warmed, then
 * {@code ops} records sent as fast as they are acknowledged. Client = the producer's process, server = the broker.
 */
public final class KafkaAppendFloor {

    private final Properties settings;
    private final String topic;
    private final int partitions;

    /** {@code settings}: {@link RawAppends#settings}. */
    public KafkaAppendFloor(Properties settings, String topic, int partitions) {
        this.settings = settings;
        this.topic = topic;
        this.partitions = partitions;
    }

    public FloorCost measure(FloorMeter meter, String server, long warmup, long ops) throws Exception {
        try (RawAppends appends = new RawAppends(settings, topic, partitions)) {
            appends.send(warmup);
            String how = String.format(java.util.Locale.ROOT,
                    "acks=all, idempotent, linger.ms=%s, batch.size=%s, %s; %.0f B records, %d partitions",
                    settings.getProperty("linger.ms"), settings.getProperty("batch.size"),
                    settings.getProperty("compression.type"), appends.averageRecordBytes(), partitions);
            return meter.measure("Kafka append", how, ops, server, () -> appends.send(ops));
        }
    }
}
