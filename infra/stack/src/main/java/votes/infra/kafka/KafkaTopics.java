package votes.infra.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import votes.events.topic.TopicDurability;
import votes.events.topic.Topics;
import votes.infra.stack.Probes;

/**
 * The topics of the contract ({@link Topics#ALL}), created by infra before any service starts with the configs
 * {@link TopicDurability} requires, and existing ones (a stack from before a config was required) brought up to them.
 */
public final class KafkaTopics implements AutoCloseable {

    private static final long CALL_TIMEOUT_SECONDS = 30;

    private final Admin admin;

    /** @param client bootstrap and login of a principal that may create and alter topics (KafkaAccess.admin()) */
    public KafkaTopics(Map<String, Object> client) {
        Map<String, Object> config = new LinkedHashMap<>(client);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        this.admin = Admin.create(config);
    }

    /** Every topic of the contract as created on a cluster of this many brokers. */
    public static List<NewTopic> contract(int votesPartitions, int brokers) {
        return Topics.ALL.stream()
                .map(spec -> new NewTopic(spec.name(), spec.partitions(votesPartitions),
                        TopicDurability.replicationFactor(brokers)).configs(TopicDurability.configs(spec, brokers)))
                .toList();
    }

    /** What {@link #ensure} did: topics it created, settings of existing topics it changed, partitions it added. */
    public record Outcome(List<String> created, List<TopicConfigChange> changed, List<String> grown) {

        public Outcome(List<String> created, List<TopicConfigChange> changed) {
            this(created, changed, List.of());
        }

        /** For a step's outcome line; empty when the topics already were as required. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!created.isEmpty()) {
                parts.add("created " + String.join(", ", created));
            }
            changed.forEach(change -> parts.add(change.toString()));
            parts.addAll(grown);
            return String.join("; ", parts);
        }
    }

    /**
     * Idempotent: creates the missing topics, and sets every config an existing one lacks (incrementalAlterConfigs,
     * only the keys whose effective value differs). Replication factors of existing topics are left alone (a
     * reassignment), and so are the partition counts of the record's topics (it would move records between Merkle
     * logs); a derived topic with fewer partitions than the contract's is grown (see {@link #toGrow}).
     */
    public Outcome ensure(List<NewTopic> topics) {
        Set<String> existing = names();
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
        List<String> created = create(missing);
        awaitDescribable(created);
        List<NewTopic> present = topics.stream().filter(t -> existing.contains(t.name()) && t.configs() != null)
                .toList();
        Map<String, Map<String, String>> live = configs(present.stream().map(NewTopic::name).toList());
        List<TopicConfigChange> changes = present.stream()
                .flatMap(t -> TopicConfigChange.between(t.name(), t.configs(), live.get(t.name())).stream())
                .toList();
        alter(changes);
        // Only topics that existed can be short of partitions: the created ones have the contract's count.
        Map<String, Integer> counts = partitions(existing);
        return new Outcome(created, changes, grow(toGrow(topics, counts), counts));
    }

    /**
     * The derived topics (not part of the record) that have fewer partitions than the contract wants, with the count
     * wanted: a stack from before ledger.polls was co-partitioned with ledger.tally-deltas (issue 12 item 4) had it at
     * 3, and the projections refuse to start until both match. Safe for these: their old records are keyed
     * differently and already consumed, and every new record goes where its key hashes over the new count.
     */
    static Map<String, Integer> toGrow(List<NewTopic> wanted, Map<String, Integer> live) {
        Map<String, Integer> grow = new LinkedHashMap<>();
        wanted.stream()
                .filter(t -> Topics.ALL.stream().anyMatch(spec -> spec.name().equals(t.name()) && !spec.record()))
                .filter(t -> live.containsKey(t.name()) && live.get(t.name()) < t.numPartitions())
                .forEach(t -> grow.put(t.name(), t.numPartitions()));
        return grow;
    }

    private List<String> grow(Map<String, Integer> grow, Map<String, Integer> before) {
        if (grow.isEmpty()) {
            return List.of();
        }
        Map<String, NewPartitions> increases = new LinkedHashMap<>();
        grow.forEach((name, count) -> increases.put(name, NewPartitions.increaseTo(count)));
        try {
            admin.createPartitions(increases).all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot grow " + grow.keySet() + ": " + e.getMessage(), e);
        }
        return grow.entrySet().stream()
                .map(e -> e.getKey() + ": partitions " + before.get(e.getKey()) + " → " + e.getValue()).toList();
    }

    private List<String> create(List<NewTopic> missing) {
        List<String> created = new ArrayList<>();
        if (missing.isEmpty()) {
            return created;
        }
        Map<String, KafkaFuture<Void>> futures = admin.createTopics(missing).values();
        missing.stream().map(NewTopic::name).forEach(name -> {
            try {
                KafkaFuture<Void> future = futures.get(name);
                future.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                created.add(name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot create topic " + name + ": " + e, e);
            }
        });
        return created;
    }

    private void alter(List<TopicConfigChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
        changes.forEach(change -> ops.computeIfAbsent(topic(change.topic()), r -> new ArrayList<>())
                .add(new AlterConfigOp(new ConfigEntry(change.key(), change.to()), AlterConfigOp.OpType.SET)));
        try {
            admin.incrementalAlterConfigs(ops).all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set " + changes + ": " + e.getMessage(), e);
        }
    }

    /** Each topic's effective configs, defaults included: what a service's readiness check judges. */
    public Map<String, Map<String, String>> configs(Collection<String> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        try {
            Map<ConfigResource, Config> described = admin.describeConfigs(topics.stream().map(KafkaTopics::topic).toList())
                    .all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, Map<String, String>> configs = new LinkedHashMap<>();
            described.forEach((resource, config) -> configs.put(resource.name(), config.entries().stream()
                    .filter(entry -> entry.value() != null)
                    .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value))));
            return configs;
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the configs of " + topics + ": " + e.getMessage(), e);
        }
    }

    /**
     * The ids of the brokers the cluster counts as live (registered and unfenced), empty while it cannot say: a
     * node's port opens before the controller quorum has a leader, and a restarted node is fenced until it caught up.
     */
    public Set<Integer> liveBrokers() {
        try {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream().map(Node::id)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (Exception e) {
            return Set.of();
        }
    }

    /**
     * Waits until the created topics can be described. A create returns once the controller committed it; each broker
     * learns of it from the metadata log a moment later, and until then answers UnknownTopicOrPartition for it (seen
     * on a three-node cluster under CI load), to us and to whoever is started next.
     */
    private void awaitDescribable(List<String> created) {
        if (created.isEmpty()) {
            return;
        }
        if (!Probes.await(Duration.ofSeconds(CALL_TIMEOUT_SECONDS), null, () -> describable(created))) {
            throw new IllegalStateException("created " + created + " but the brokers do not describe them after "
                    + CALL_TIMEOUT_SECONDS + " s");
        }
    }

    private boolean describable(List<String> topics) {
        try {
            admin.describeTopics(topics).allTopicNames().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("cannot describe " + topics + ": " + e.getCause(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topics + ": " + e, e);
        }
    }

    public Map<String, Integer> partitions() {
        return partitions(names());
    }

    private Map<String, Integer> partitions(Set<String> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        try {
            return admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS).entrySet().stream()
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

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
