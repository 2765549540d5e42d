package votes.infra.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** The topics the contract says infra creates before any service starts. */
public final class KafkaTopics implements AutoCloseable {

    public static final String VOTES_SUBMITTED = "votes.submitted";
    public static final String POLL_EVENTS = "poll-events";
    public static final String TALLY_DELTAS = "ledger.tally-deltas";
    public static final String LEDGER_POLLS = "ledger.polls";
    public static final String VOTE_TALLIES = "vote-tallies";

    private final Admin admin;

    public KafkaTopics(String bootstrap) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    public static List<NewTopic> standard(int votesPartitions) {
        return List.of(new NewTopic(VOTES_SUBMITTED, votesPartitions, (short) 1),
                new NewTopic(POLL_EVENTS, 3, (short) 1),
                new NewTopic(votes.events.topic.Topics.VOTES_DEAD_LETTER, 3, (short) 1),
                new NewTopic(TALLY_DELTAS, votesPartitions, (short) 1),
                new NewTopic(LEDGER_POLLS, 3, (short) 1),
                // Compacted: the latest tally per poll is all a new dashboard instance needs to catch up.
                new NewTopic(VOTE_TALLIES, votesPartitions, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact", "min.cleanable.dirty.ratio", "0.1")));
    }

    /** The port opens before the controller has elected itself; describeCluster answers only after. */
    public void awaitCluster(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = new IllegalStateException(e.getMessage(), e);
            }
            sleep();
        }
        throw last != null ? last : new IllegalStateException("cluster has no nodes");
    }

    /** Idempotent: existing topics are left as they are. */
    public void ensure(List<NewTopic> topics) {
        Set<String> existing = names();
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        admin.createTopics(missing).values().forEach((name, future) -> {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot create topic " + name + ": " + e, e);
            }
        });
    }

    public Map<String, Integer> partitions() {
        try {
            return admin.describeTopics(names()).allTopicNames().get(15, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().partitions().size()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> names() {
        try {
            return admin.listTopics().names().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list topics: " + e, e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
