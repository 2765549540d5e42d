package votes.perf.swarm;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import votes.events.codec.VoteFlaggedDeserializer;
import votes.events.flag.VoteFlagged;
import votes.events.topic.Topics;

/**
 * Reads {@code votes.flags} from its beginning (no consumer group: nothing is committed, the stack's consumers are not
 * touched) while the swarm runs, keeping the flags of one poll by vote id: a flagged vote's id is the receipt id its
 * 202 returned. A stack whose ingest publishes no flags simply yields none.
 */
final class FlagWatch {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<UUID, VoteFlagged> flags = new HashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    /** Once stopping: the latest instant the reader keeps waiting for the topic to stop growing. */
    private volatile long drainUntilNanos;
    private final Thread reader;
    private volatile boolean topicFound;
    private volatile RuntimeException failure;

    FlagWatch(Properties login, String pollId) {
        Properties props = new Properties();
        props.putAll(login);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, VoteFlaggedDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "perf-swarm-flags");
        reader = new Thread(() -> read(props, pollId), "swarm-flag-watch");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Properties props, String pollId) {
        try (KafkaConsumer<String, VoteFlagged> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.VOTES_FLAGS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            topicFound = !partitions.isEmpty();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stop.get()) {
                keep(consumer.poll(POLL), pollId);
            }
            drain(consumer, partitions, pollId);
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /**
     * Ingest publishes a flag just after its 202, so the last ones may still be on their way: read on until the reader
     * is at the topic's end and that end did not move over one more poll, or the drain time is over.
     */
    private void drain(KafkaConsumer<String, VoteFlagged> consumer, List<TopicPartition> partitions, String pollId) {
        Map<TopicPartition, Long> end = Map.copyOf(consumer.endOffsets(partitions));
        while (System.nanoTime() < drainUntilNanos) {
            keep(consumer.poll(POLL), pollId);
            Map<TopicPartition, Long> now = Map.copyOf(consumer.endOffsets(partitions));
            boolean caughtUp = partitions.stream().allMatch(p -> consumer.position(p) >= now.get(p));
            if (caughtUp && now.equals(end)) {
                return;
            }
            end = now;
        }
    }

    private void keep(Iterable<ConsumerRecord<String, VoteFlagged>> records, String pollId) {
        for (ConsumerRecord<String, VoteFlagged> r : records) {
            VoteFlagged flag = r.value();
            if (flag != null && flag.pollId().equals(pollId)) {
                synchronized (flags) {
                    flags.put(flag.voteId(), flag);
                }
            }
        }
    }

    /** Reads to the topic's end (for at most {@code drain} more), then stops and answers what it saw. */
    Map<UUID, VoteFlagged> stopAfter(Duration drain) throws InterruptedException {
        drainUntilNanos = System.nanoTime() + drain.toNanos();
        stop.set(true);
        reader.join(drain.plusSeconds(10).toMillis());
        if (failure != null) {
            // The votes were cast: their figures and CSV still count, with flags reported as not read.
            System.err.println("swarm: reading " + Topics.VOTES_FLAGS + " failed, flags not counted: " + failure);
            topicFound = false;
        }
        synchronized (flags) {
            return Map.copyOf(flags);
        }
    }

    /** Whether the topic was found and read (false: the report says flags could not be read). */
    boolean topicFound() {
        return topicFound;
    }
}
