package votes.perf.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One producer with ingest's settings (acks=all, idempotent, its linger/batch/compression) appending pre-encoded
 * VoteSubmitted records to a scratch topic with votes.submitted's partition count: the raw producer baseline's
 * rate and the cost floor's µs per append both come from it.
 */
public final class RawAppends implements AutoCloseable {

    /** Distinct pre-encoded records, cycled: the measurement is the client and broker, not our JSON codec. */
    private static final int DISTINCT = 100_000;

    private final String topic;
    private final List<byte[]> values = new ArrayList<>(DISTINCT);
    private final List<String> keys = new ArrayList<>(DISTINCT);
    private final KafkaProducer<String, byte[]> producer;
    private long bytes;

    /** {@code settings}: the login (SASL) properties and the producer's linger/batch/compression on top. */
    public RawAppends(Properties settings, String topic, int partitions) throws Exception {
        this.topic = topic;
        ensureTopic(settings, partitions);
        for (int i = 0; i < DISTINCT; i++) {
            var vote = SyntheticVotes.vote("perf-poll-kafka", "kp-", i, "a");
            values.add(SyntheticVotes.encode(vote));
            keys.add(SyntheticVotes.key(vote));
            bytes += values.get(i).length;
        }
        Properties p = new Properties();
        p.putAll(settings);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    /** Producer settings: the login file's, then bootstrap and ingest's batching knobs. */
    public static Properties settings(Properties login, String bootstrap, int lingerMs, int batchSize, String compression) {
        Properties p = new Properties();
        p.putAll(login);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(batchSize));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        return p;
    }

    public double averageRecordBytes() {
        return (double) bytes / DISTINCT;
    }

    /** Sends {@code n} records as fast as they are acknowledged; returns records per second, first send to last ack. */
    public double send(long n) throws InterruptedException {
        CountDownLatch acked = new CountDownLatch(1);
        AtomicLong remaining = new AtomicLong(n);
        AtomicLong failures = new AtomicLong();
        long t0 = System.nanoTime();
        for (long i = 0; i < n; i++) {
            int k = (int) (i % DISTINCT);
            producer.send(new ProducerRecord<>(topic, keys.get(k), values.get(k)), (md, e) -> {
                if (e != null) {
                    failures.incrementAndGet();
                }
                if (remaining.decrementAndGet() == 0) {
                    acked.countDown();
                }
            });
        }
        if (!acked.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("acks did not arrive in 10 minutes");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " sends failed");
        }
        return n / seconds;
    }

    private void ensureTopic(Properties settings, int partitions) throws Exception {
        Properties config = new Properties();
        config.putAll(settings);
        // The producer's knobs are unknown to the admin client: it ignores them (with a warning at most).
        try (Admin admin = Admin.create(config)) {
            try {
                admin.createTopics(Set.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
