package votes.perf.freshness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import votes.events.cdc.DeltaRow;
import votes.events.cdc.LedgerRows;
import votes.events.codec.EventCodec;
import votes.events.tally.Tally;
import votes.events.topic.Topics;

/**
 * Reads {@code ledger.tally-deltas} and {@code vote-tallies} from their end while the probes run (no consumer group:
 * nothing committed, the stack's consumers untouched) and marks in the {@link HopBook} when each probe passed the
 * ledger commit, the relay, and each topic. read_committed, as realtime reads: a tally counts once its Streams
 * transaction committed.
 */
final class HopWatch implements AutoCloseable {

    /** The WAL commit time of the row's transaction, added by the relay's unwrap transform (cdc-relay.properties). */
    static final String COMMIT_TIME_HEADER = "__source_ts_ms";
    /** A bound on this reader's own wait when nothing flows; data ends the wait at once (fetch.min.bytes=1). */
    private static final String OWN_FETCH_WAIT_MS = "50";
    private static final Duration POLL = Duration.ofMillis(200);

    private final HopBook book;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread reader;
    private volatile RuntimeException failure;

    HopWatch(Properties login, String bootstrap, HopBook book) {
        this.book = book;
        Properties props = new Properties();
        props.putAll(login);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, OWN_FETCH_WAIT_MS);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "perf-freshness-hops");
        reader = new Thread(() -> read(props), "freshness-hop-watch");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until the reader sits at both topics' end, so no probe sent afterwards is missed. */
    void awaitPositioned(Duration timeout) throws InterruptedException {
        if (!positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || failure != null) {
            throw new IllegalStateException("cannot read " + Topics.TALLY_DELTAS + " / " + Topics.VOTE_TALLIES, failure);
        }
    }

    private void read(Properties props) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.TALLY_DELTAS, Topics.VOTE_TALLIES)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolves the lazy seek now, before any probe
            positioned.countDown();
            while (!stop.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    keep(r, nowMicros());
                }
            }
        } catch (RuntimeException e) {
            failure = e;
            positioned.countDown();
        }
    }

    private void keep(ConsumerRecord<String, String> r, long readMicros) {
        if (r.value() == null) {
            return;
        }
        if (r.topic().equals(Topics.VOTE_TALLIES)) {
            Tally tally = EventCodec.decodeTally(r.value().getBytes(StandardCharsets.UTF_8));
            int poll = book.poll(tally.pollId());
            if (poll >= 0) {
                book.mark(poll, Hop.TALLY_READ, tally.totalVotes(), readMicros);
            }
            return;
        }
        DeltaRow delta;
        try {
            delta = LedgerRows.delta(r.value());
        } catch (RuntimeException e) {
            return; // not a delta row this tool can read: no probe in it
        }
        int poll = book.poll(delta.pollId());
        long committed = commitMillis(r);
        if (poll >= 0 && committed >= 0) {
            book.delta(poll, delta.voteCount(), committed * 1_000, r.timestamp() * 1_000, readMicros);
        }
    }

    private static long commitMillis(ConsumerRecord<String, String> r) {
        Header header = r.headers().lastHeader(COMMIT_TIME_HEADER);
        if (header == null || header.value() == null) {
            return -1;
        }
        try {
            return Long.parseLong(new String(header.value(), StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** This machine's wall clock in µs: the clock PostgreSQL's commit time and the broker's CreateTime use too. */
    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }
}
