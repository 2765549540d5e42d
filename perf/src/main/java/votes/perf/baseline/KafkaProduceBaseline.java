package votes.perf.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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

    @Option(names = "--linger-ms", defaultValue = "20", description = "ingest's votes.submitted setting.")
    int lingerMs;

    @Option(names = "--batch-size", defaultValue = "65536", description = "ingest's votes.submitted setting.")
    int batchSize;

    @Option(names = "--compression", defaultValue = "lz4", description = "ingest's votes.submitted setting.")
    String compression;

    public static void main(String[] args) {
        System.exit(votes.perf.report.CliErrors.run(new KafkaProduceBaseline(), args));
    }

    @Override
    public Integer call() throws Exception {
        if (records > 5_000_000 || runs > 10) {
            throw new IllegalArgumentException("bounded: at most 5,000,000 records and 10 runs");
        }
        try (RawAppends appends = new RawAppends(
                RawAppends.settings(login.properties(), bootstrap, lingerMs, batchSize, compression), topic, partitions)) {
            System.out.printf(Locale.ROOT, "record value size: avg %.0f B (encoded VoteSubmitted)%n", appends.averageRecordBytes());
            appends.send(warmupRecords);
            List<Double> rates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                double rate = appends.send(records);
                rates.add(rate);
                System.out.printf(Locale.ROOT, "RESULT label=kafka-produce#%d records=%d rate=%.0f rec/s%n", run, records, rate);
            }
            System.out.printf(Locale.ROOT, "MEDIAN label=kafka-produce rate=%.0f rec/s runs=%d linger.ms=%d batch.size=%d%n",
                    Medians.of(rates), runs, lingerMs, batchSize);
        }
        return 0;
    }
}
