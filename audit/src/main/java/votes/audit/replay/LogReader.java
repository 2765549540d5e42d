package votes.audit.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its first offset to end offsets fixed beforehand, with its own consumer: partitions assigned,
 * no group, nothing committed — the auditor leaves no trace in the cluster and depends on no consumer of the system.
 */
public final class LogReader implements AutoCloseable {

    /** Handles one record; partitions interleave, offsets within a partition ascend. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(int partition, long offset, byte[] key, byte[] value);
    }

    /** Records per poll: the replay reads the whole log once, so big batches; also what one parallel decode gets. */
    static final int MAX_POLL_RECORDS = 10_000;
    static final int FETCH_MAX_BYTES = 64 * 1024 * 1024;
    static final int PARTITION_FETCH_BYTES = 16 * 1024 * 1024;
    static final int RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
    /** One poll's wait: short enough to notice the end of a partition and a stall promptly. */
    static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    /** Between two looks at something the audit waits for (a group's committed offsets, the published tallies). */
    public static final Duration SETTLE_INTERVAL = Duration.ofMillis(250);

    private final Map<String, Object> client;
    private final Duration timeout;
    private final KafkaConsumer<byte[], byte[]> consumer;

    /**
     * @param client  bootstrap.servers and the login (security.protocol, sasl.*): the auditor's read-only principal
     * @param timeout how long a request, or a read without any progress, may take before the audit gives up
     */
    public LogReader(Map<String, Object> client, Duration timeout) {
        this.client = Map.copyOf(client);
        this.timeout = timeout;
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // vote-tallies is written in Kafka Streams transactions: an aborted tally must not count as published.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Big fetches: the replay reads the whole log once, throughput is all that matters.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, PARTITION_FETCH_BYTES);
        props.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, RECEIVE_BUFFER_BYTES);
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "votes-audit");
        this.consumer = new KafkaConsumer<>(props);
    }

    /** The topic's partitions, or null when the topic does not exist. */
    public List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.listTopics(timeout).get(topic);
        if (infos == null) {
            return null;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
        return partitions;
    }

    public Map<Integer, Long> endOffsets(List<TopicPartition> partitions) {
        Map<Integer, Long> ends = new HashMap<>();
        consumer.endOffsets(partitions, timeout).forEach((tp, end) -> ends.put(tp.partition(), end));
        return ends;
    }

    /** Partitions whose log no longer starts at 0 (retention deleted votes): a replay of them cannot be complete. */
    public Map<Integer, Long> truncated(List<TopicPartition> partitions) {
        Map<Integer, Long> truncated = new HashMap<>();
        consumer.beginningOffsets(partitions, timeout).forEach((tp, start) -> {
            if (start > 0) {
                truncated.put(tp.partition(), start);
            }
        });
        return truncated;
    }

    /** Handles one poll's records, in the order {@link RecordHandler} promises. */
    @FunctionalInterface
    public interface BatchHandler {
        void handle(List<ConsumerRecord<byte[], byte[]>> records);
    }

    /** Reads every record of {@code topic} below {@code ends}; returns how many it handed over. */
    public long read(String topic, Map<Integer, Long> ends, RecordHandler handler) {
        return readBatches(topic, ends, batch -> batch.forEach(record ->
                handler.handle(record.partition(), record.offset(), record.key(), record.value())));
    }

    /**
     * As {@link #read}, a poll's worth of records at a time (up to {@value #MAX_POLL_RECORDS}): lets the caller
     * decode them in parallel. Gives up (IllegalStateException: exit 2) when no partition moves for the timeout,
     * e.g. a broker gone: an audit that never ends is worse than one that says it could not run.
     */
    public long readBatches(String topic, Map<Integer, Long> ends, BatchHandler handler) {
        List<TopicPartition> assigned = new ArrayList<>();
        ends.forEach((partition, end) -> {
            if (end > 0) {
                assigned.add(new TopicPartition(topic, partition));
            }
        });
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        List<TopicPartition> open = new ArrayList<>(assigned);
        long count = 0;
        long position = -1;
        long lastProgress = System.nanoTime();
        while (!open.isEmpty()) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
            List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.offset() < ends.get(record.partition())) {
                    batch.add(record);
                }
            }
            if (!batch.isEmpty()) {
                handler.handle(batch);
                count += batch.size();
            }
            // position, not the last record: transaction markers and compacted gaps occupy offsets too.
            open.removeIf(tp -> {
                if (consumer.position(tp) >= ends.get(tp.partition())) {
                    consumer.pause(List.of(tp));
                    return true;
                }
                return false;
            });
            long now = positions(assigned);
            if (now > position) {
                position = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                throw new IllegalStateException("reading " + topic + " from " + client.get("bootstrap.servers") + " made no progress for "
                        + timeout.toSeconds() + " s (at offsets " + positionsOf(open) + " of " + ends + ")");
            }
        }
        consumer.assign(List.of());
        return count;
    }

    private long positions(List<TopicPartition> partitions) {
        return partitions.stream().mapToLong(consumer::position).sum();
    }

    private Map<Integer, Long> positionsOf(List<TopicPartition> partitions) {
        Map<Integer, Long> at = new HashMap<>();
        partitions.forEach(tp -> at.put(tp.partition(), consumer.position(tp)));
        return at;
    }

    /**
     * Waits until the consumer group has committed at least {@code ends} on every partition (the ledger commits
     * after its transaction, so then the ledger holds every vote below them). Returns the partitions still behind
     * when the time is up: partition → committed offset.
     */
    public Map<Integer, Long> awaitGroup(String group, String topic, Map<Integer, Long> ends, Duration timeout)
            throws InterruptedException {
        Map<String, Object> config = new HashMap<>(client);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                Map<Integer, Long> behind = new HashMap<>();
                Map<TopicPartition, OffsetAndMetadata> committed;
                try {
                    committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    committed = Map.of();
                }
                for (Map.Entry<Integer, Long> end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(new TopicPartition(topic, end.getKey()));
                    long offset = at == null ? 0 : at.offset();
                    if (offset < end.getValue()) {
                        behind.put(end.getKey(), offset);
                    }
                }
                if (behind.isEmpty() || System.nanoTime() > deadline) {
                    return behind;
                }
                Thread.sleep(SETTLE_INTERVAL.toMillis());
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
