package votes.ledger.relay;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At-least-once hand-over: every record of a Debezium batch is produced ({@code acks=all}, idempotent), the relay
 * waits for every ack, and only then marks the batch processed, so the offsets Debezium stores (and the LSN it
 * confirms to the slot) never run ahead of Kafka. A batch Kafka refused is sent again, whole and in order, until
 * it is acknowledged: Debezium waits meanwhile and the slot keeps the WAL. Repeats are harmless downstream.
 */
final class KafkaRelay implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRelay.class);

    private final Map<String, Object> producerConfig;
    private final ConnectRecords records;
    private final RelayStatus status;
    private final String skippedTopicPrefix;
    private final long backoffMs;
    private final Object handOver = new Object();
    private volatile boolean closing;
    private Producer<byte[], byte[]> producer;

    KafkaRelay(RelayConfig config, RelayStatus status) {
        this.producerConfig = config.producer();
        this.records = new ConnectRecords(config.engine());
        this.status = status;
        this.skippedTopicPrefix = config.skippedTopicPrefix();
        this.backoffMs = config.retryBackoffMs();
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> events,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>(events.size());
        long newestCommit = -1;
        for (RecordChangeEvent<SourceRecord> event : events) {
            SourceRecord record = event.record();
            if (record == null || record.value() == null || record.topic().startsWith(skippedTopicPrefix)) {
                status.skipped();
                continue;
            }
            batch.add(records.toKafka(record));
            newestCommit = Math.max(newestCommit, ConnectRecords.commitTime(record));
        }
        sendUntilAcknowledged(batch);
        status.batchAcknowledged(newestCommit, System.currentTimeMillis());
        batch.forEach(record -> status.relayed(record.topic()));
        synchronized (handOver) {
            if (closing) {
                // Acknowledged by Kafka, but the engine's last offset flush may already be under way: marking now
                // could let the stop confirm to the slot an offset that file never gets. Sent again after a start.
                throw new InterruptedException("relay stopping: a batch of " + events.size() + " is not marked processed");
            }
            for (RecordChangeEvent<SourceRecord> event : events) {
                committer.markProcessed(event);
            }
            committer.markBatchFinished();
        }
    }

    /**
     * From now on no batch is marked processed. Called before the engine is closed: Debezium's stop flushes the
     * offsets file and then confirms to the slot whatever was marked, so nothing may be marked between the two.
     */
    void stopHandingOver() {
        synchronized (handOver) {
            closing = true;
        }
    }

    private void sendUntilAcknowledged(List<ProducerRecord<byte[], byte[]>> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        while (true) {
            try {
                send(batch);
                status.kafka(true);
                return;
            } catch (ExecutionException | RuntimeException e) {
                if (closing) {
                    throw new InterruptedException("relay stopping: a batch of " + batch.size() + " rows is not acknowledged");
                }
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                status.sendFailed();
                status.kafka(false);
                status.failed("Kafka: " + cause);
                LOG.warn("Kafka did not acknowledge a batch of {} rows ({}); sending it again in {} ms",
                        batch.size(), cause.toString(), backoffMs);
                // A fresh producer: an idempotent producer can be left in a fatal state by some errors.
                closeProducer();
                Thread.sleep(backoffMs);
            }
        }
    }

    private void send(List<ProducerRecord<byte[], byte[]>> batch) throws ExecutionException, InterruptedException {
        Producer<byte[], byte[]> current = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (ProducerRecord<byte[], byte[]> record : batch) {
            acks.add(current.send(record));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
    }

    private synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
            producer = null;
        }
    }

    @Override
    public void close() {
        closeProducer();
    }
}
