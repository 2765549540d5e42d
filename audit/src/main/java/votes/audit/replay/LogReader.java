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

    private final String bootstrap;
    private final KafkaConsumer<byte[], byte[]> consumer;

    public LogReader(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // vote-tallies is written in Kafka Streams transactions: an aborted tally must not count as published.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Big fetches: the replay reads the whole log once, throughput is all that matters.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024));
        props.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, Integer.toString(4 * 1024 * 1024));
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "votes-audit");
        this.consumer = new KafkaConsumer<>(props);
    }

    /** The topic's partitions, or null when the topic does not exist. */
    public List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.listTopics(Duration.ofSeconds(15)).get(topic);
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
        consumer.endOffsets(partitions, Duration.ofSeconds(15)).forEach((tp, end) -> ends.put(tp.partition(), end));
        return ends;
    }

    /** Partitions whose log no longer starts at 0 (retention deleted votes): a replay of them cannot be complete. */
    public Map<Integer, Long> truncated(List<TopicPartition> partitions) {
        Map<Integer, Long> truncated = new HashMap<>();
        consumer.beginningOffsets(partitions, Duration.ofSeconds(15)).forEach((tp, start) -> {
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

    /** As {@link #read}, a poll's worth of records at a time (up to 10,000): lets the caller decode them in parallel. */
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
        while (!open.isEmpty()) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
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
        }
        consumer.assign(List.of());
        return count;
    }

    /**
     * Waits until the consumer group has committed at least {@code ends} on every partition (the ledger commits
     * after its transaction, so then the ledger holds every vote below them). Returns the partitions still behind
     * when the time is up: partition → committed offset.
     */
    public Map<Integer, Long> awaitGroup(String group, String topic, Map<Integer, Long> ends, Duration timeout)
            throws InterruptedException {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                Map<Integer, Long> behind = new HashMap<>();
                Map<TopicPartition, OffsetAndMetadata> committed;
                try {
                    committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
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
                Thread.sleep(250);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
