package votes.perf.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.perf.report.Medians;

/**
 * The log's ceiling for our records: one producer (acks=all, idempotent, ingest's linger/batch) sending encoded
 * VoteSubmitted events as fast as the broker acknowledges them, to a scratch topic with votes.submitted's
 * partition count. Rate = records acknowledged / time from first send to last ack.
 */
@Command(name = "kafka-produce-baseline", mixinStandardHelpOptions = true,
        description = "Raw Kafka producer rate with VoteSubmitted-sized records.")
public final class KafkaProduceBaseline implements Callable<Integer> {

    @Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092")
    String bootstrap;

    @picocli.CommandLine.Mixin
    KafkaLogin login = new KafkaLogin();

    @Option(names = "--topic", defaultValue = "perf.raw-produce")
    String topic;

    @Option(names = "--partitions", defaultValue = "6")
    int partitions;

    @Option(names = "--records", defaultValue = "500000", description = "Per measured run (max 5,000,000).")
    long records;

    @Option(names = "--warmup-records", defaultValue = "100000")
    long warmupRecords;

    @Option(names = "--runs", defaultValue = "3")
    int runs;

    @Option(names = "--linger-ms", defaultValue = "5", description = "Match ingest (kafka-clients 4.x default is 5).")
    int lingerMs;

    @Option(names = "--batch-size", defaultValue = "16384", description = "Match ingest (default 16384).")
    int batchSize;

    @Option(names = "--compression", defaultValue = "none")
    String compression;

    public static void main(String[] args) {
        System.exit(votes.perf.report.CliErrors.run(new KafkaProduceBaseline(), args));
    }

    @Override
    public Integer call() throws Exception {
        if (records > 5_000_000 || runs > 10) {
            throw new IllegalArgumentException("bounded: at most 5,000,000 records and 10 runs");
        }
        ensureTopic();
        // Pre-encode: the baseline measures the client and broker, not our JSON codec.
        int distinct = 100_000;
        List<byte[]> values = new ArrayList<>(distinct);
        List<String> keys = new ArrayList<>(distinct);
        long bytes = 0;
        for (int i = 0; i < distinct; i++) {
            var vote = SyntheticVotes.vote("perf-poll-kafka", "kp-", i, "a");
            values.add(SyntheticVotes.encode(vote));
            keys.add(SyntheticVotes.key(vote));
            bytes += values.get(i).length;
        }
        System.out.printf(Locale.ROOT, "record value size: avg %.0f B (encoded VoteSubmitted)%n", (double) bytes / distinct);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps())) {
            send(producer, keys, values, warmupRecords);
            List<Double> rates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                double rate = send(producer, keys, values, records);
                rates.add(rate);
                System.out.printf(Locale.ROOT, "RESULT label=kafka-produce#%d records=%d rate=%.0f rec/s%n", run, records, rate);
            }
            System.out.printf(Locale.ROOT, "MEDIAN label=kafka-produce rate=%.0f rec/s runs=%d linger.ms=%d batch.size=%d%n",
                    Medians.of(rates), runs, lingerMs, batchSize);
        }
        return 0;
    }

    private double send(KafkaProducer<String, byte[]> producer, List<String> keys, List<byte[]> values, long n)
            throws InterruptedException {
        CountDownLatch acked = new CountDownLatch(1);
        AtomicLong remaining = new AtomicLong(n);
        AtomicLong failures = new AtomicLong();
        long t0 = System.nanoTime();
        for (long i = 0; i < n; i++) {
            int k = (int) (i % keys.size());
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

    private Properties producerProps() {
        Properties p = login.properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(batchSize));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    private void ensureTopic() throws Exception {
        Properties config = login.properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            try {
                admin.createTopics(Set.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

}
