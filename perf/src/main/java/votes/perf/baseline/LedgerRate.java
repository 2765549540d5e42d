package votes.perf.baseline;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import votes.events.topic.Topics;

/**
 * The ledger's own rate, in two steps run around a stopped ledger: {@code produce} appends N first votes for an
 * existing poll to votes.submitted; {@code await} (after the ledger is started) polls
 * {@code count(votes) + count(rejections)} for that poll until it reaches the expected total and reports rows/s
 * from the first row seen (so the ledger's JVM start is not counted) and over the whole wait.
 */
@Command(name = "ledger-rate", mixinStandardHelpOptions = true, subcommands = {LedgerRate.Produce.class, LedgerRate.Await.class},
        description = "Ledger catch-up rate: produce a backlog, then time the ledger draining it.")
public final class LedgerRate {

    public static void main(String[] args) {
        System.exit(votes.perf.report.CliErrors.run(new LedgerRate(), args));
    }

    @Command(name = "produce", mixinStandardHelpOptions = true, description = "Append N VoteSubmitted to the topic.")
    static final class Produce implements Callable<Integer> {
        @Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092")
        String bootstrap;

        @picocli.CommandLine.Mixin
        KafkaLogin login = new KafkaLogin();

        @Option(names = "--topic", defaultValue = Topics.VOTES_SUBMITTED)
        String topic;

        @Option(names = "--poll", required = true)
        String poll;

        @Option(names = "--option", defaultValue = "a")
        String option;

        @Option(names = "--count", defaultValue = "200000", description = "Max 2,000,000.")
        long count;

        @Option(names = "--voter-prefix", defaultValue = "lr-")
        String voterPrefix;

        @Override
        public Integer call() throws Exception {
            if (count > 2_000_000) {
                throw new IllegalArgumentException("bounded: at most 2,000,000 events");
            }
            Properties p = login.properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            AtomicLong failures = new AtomicLong();
            CountDownLatch acked = new CountDownLatch((int) count);
            long t0 = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
                for (long i = 0; i < count; i++) {
                    var vote = SyntheticVotes.vote(poll, voterPrefix, i, option);
                    producer.send(new ProducerRecord<>(topic, SyntheticVotes.key(vote), SyntheticVotes.encode(vote)), (md, e) -> {
                        if (e != null) {
                            failures.incrementAndGet();
                        }
                        acked.countDown();
                    });
                }
                if (!acked.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("acks did not arrive in 10 minutes");
                }
            }
            if (failures.get() > 0) {
                throw new IllegalStateException(failures.get() + " sends failed");
            }
            System.out.printf(Locale.ROOT, "produced %d VoteSubmitted for poll %s to %s in %.1f s%n", count, poll, topic,
                    (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    @Command(name = "await", mixinStandardHelpOptions = true, description = "Wait for the ledger to record the backlog.")
    static final class Await implements Callable<Integer> {
        @Mixin
        PgOptions pg;

        @Option(names = "--poll", required = true)
        String poll;

        @Option(names = "--expect", required = true, description = "votes + rejections rows expected for the poll.")
        long expect;

        @Option(names = "--timeout", defaultValue = "600", description = "Seconds (max 1800).")
        long timeoutSeconds;

        @Option(names = "--interval-ms", defaultValue = "100")
        long intervalMs;

        @Option(names = "--metrics-url", description = "The ledger's /q/metrics: once done, print one batch's time by phase.")
        String metricsUrl;

        @Override
        public Integer call() throws Exception {
            if (timeoutSeconds > 1800) {
                throw new IllegalArgumentException("bounded: timeout at most 1800 s");
            }
            Vertx vertx = Vertx.vertx();
            Pool pool = pg.pool(vertx, 1);
            try {
                long start = System.nanoTime();
                long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
                long firstAt = -1;
                long firstCount = 0;
                long count = 0;
                long peakWindow = 0;
                long windowStart = -1;
                long windowCount = 0;
                long halfAt = -1;
                long halfCount = 0;
                Progress progress = Progress.start(pool, poll, expect);
                while (System.nanoTime() < deadline) {
                    count = progress.recorded(pool);
                    long now = System.nanoTime();
                    if (count > 0 && firstAt < 0) {
                        firstAt = now;
                        firstCount = count;
                        windowStart = now;
                        windowCount = count;
                    }
                    if (windowStart >= 0 && now - windowStart >= 1_000_000_000L) {
                        peakWindow = Math.max(peakWindow, Math.round((count - windowCount) / ((now - windowStart) / 1e9)));
                        windowStart = now;
                        windowCount = count;
                    }
                    if (halfAt < 0 && count >= expect / 2) {
                        halfAt = now;
                        halfCount = count;
                    }
                    if (progress.done(pool, count)) {
                        // The second half runs on a warmed-up JVM (JIT, pools, Kafka login done): the steady rate.
                        double secondHalf = now > halfAt ? (count - halfCount) / ((now - halfAt) / 1e9) : 0;
                        double fromFirst = (count - firstCount) / ((now - firstAt) / 1e9);
                        double whole = count / ((now - start) / 1e9);
                        System.out.printf(Locale.ROOT,
                                "RESULT label=ledger-rate rows=%d rate=%.0f rows/s (from first row seen, %d rows then) "
                                        + "whole_wait=%.0f rows/s (incl. ledger start) peak_1s=%d rows/s "
                                        + "second_half=%.0f rows/s%n",
                                count, fromFirst, firstCount, whole, peakWindow, secondHalf);
                        if (metricsUrl != null) {
                            LedgerBatchPhases.print(metricsUrl);
                        }
                        return 0;
                    }
                    Thread.sleep(intervalMs);
                }
                System.out.printf(Locale.ROOT, "RESULT label=ledger-rate TIMEOUT rows=%d of %d after %d s%n", count, expect,
                        timeoutSeconds);
                return 2;
            } finally {
                pool.close();
                vertx.close();
            }
        }

    }

    /**
     * The poll's recorded rows, counted without scanning them: the ledger appends every recorded vote to a Merkle log,
     * so the logs' sizes grow by exactly the votes it records. Counting the poll's votes every 100 ms is a parallel
     * sequential scan of the whole votes table (31 ms, three processes, at 200k rows; the third run of a baseline
     * scans the first two's rows too): load on the database the ledger under measurement writes to. The logs hold
     * other polls' votes too: their sum is read once, in the same snapshot as the poll's own count, and subtracted;
     * the exact count is taken once more when the sum says done.
     */
    private static final class Progress {

        private static final String LEAVES = "coalesce((SELECT sum(size) FROM merkle_logs), 0)::bigint";
        private static final String VOTES = "(SELECT count(*) FROM votes WHERE poll_id = $1)";
        private static final String REJECTIONS = "(SELECT count(*) FROM rejections WHERE poll_id = $1)";

        private final String poll;
        private final long otherLeaves;
        private final long expect;
        // Where the count must be before the next exact count: another poll's votes moving the logs would otherwise
        // make every look from then on scan the votes table again.
        private long confirmAt;

        private Progress(String poll, long otherLeaves, long expect) {
            this.poll = poll;
            this.otherLeaves = otherLeaves;
            this.expect = expect;
            this.confirmAt = expect;
        }

        static Progress start(Pool pool, String poll, long expect) {
            Row row = single(pool, "SELECT " + LEAVES + " AS leaves, " + VOTES + " AS votes", poll);
            return new Progress(poll, row.getLong("leaves") - row.getLong("votes"), expect);
        }

        /** Votes recorded for the poll (leaves added since the start) plus its rejections (an index-only probe). */
        long recorded(Pool pool) {
            return single(pool, "SELECT " + LEAVES + " + " + REJECTIONS, poll).getLong(0) - otherLeaves;
        }

        /** Whether the backlog is in: once {@code count} says so, the exact count must agree. */
        boolean done(Pool pool, long count) {
            if (count < confirmAt) {
                return false;
            }
            long exact = single(pool, "SELECT " + VOTES + " + " + REJECTIONS, poll).getLong(0);
            confirmAt = count + (expect - exact);
            return exact >= expect;
        }

        private static Row single(Pool pool, String sql, String poll) {
            return RawInserts.join(pool.preparedQuery(sql).execute(Tuple.of(poll))).iterator().next();
        }
    }
}
