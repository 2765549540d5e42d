package votes.kit.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import votes.events.topic.TopicDurability;
import votes.events.topic.Topics;

/**
 * Asks Kafka how the topics a service owns really are (effective configs, defaults included; the fewest replicas of
 * any partition; the brokers of the cluster) and judges them with {@link TopicDurability#weaknesses}. Plain Java over
 * an {@link Admin}: the readiness bean caches its verdict, tests call it directly.
 */
public final class OwnedTopics {

    private final Admin admin;
    private final List<Topics.Spec> owned;
    private final Duration timeout;

    public OwnedTopics(Admin admin, List<Topics.Spec> owned, Duration timeout) {
        this.admin = admin;
        this.owned = List.copyOf(owned);
        this.timeout = timeout;
    }

    public List<Topics.Spec> owned() {
        return owned;
    }

    /** One round of three requests; never throws: a broker that cannot be asked is a verdict too. */
    public TopicVerdict check() {
        try {
            return judge();
        } catch (ExecutionException e) {
            return unknown(e.getCause());
        } catch (TimeoutException e) {
            return unknown(new TimeoutException("no answer in " + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown(e);
        } catch (RuntimeException e) {
            return unknown(e);
        }
    }

    private TopicVerdict judge() throws ExecutionException, TimeoutException, InterruptedException {
        int millis = (int) timeout.toMillis();
        List<String> names = owned.stream().map(Topics.Spec::name).toList();
        // Fenced brokers too: a broker that is down for a moment is still part of the cluster the topics must span.
        KafkaFuture<java.util.Collection<Node>> nodes = admin.describeCluster(
                new DescribeClusterOptions().includeFencedBrokers(true).timeoutMs(millis)).nodes();
        Map<String, KafkaFuture<TopicDescription>> topics = admin.describeTopics(names,
                new DescribeTopicsOptions().timeoutMs(millis)).topicNameValues();
        Map<ConfigResource, KafkaFuture<Config>> configs = admin.describeConfigs(
                names.stream().map(OwnedTopics::resource).toList(), new DescribeConfigsOptions().timeoutMs(millis)).values();

        Set<Integer> brokers = new HashSet<>();
        nodes.get(millis, TimeUnit.MILLISECONDS).forEach(node -> brokers.add(node.id()));
        List<String> weaknesses = new ArrayList<>();
        Map<Topics.Spec, Integer> replicas = new LinkedHashMap<>();
        Map<Topics.Spec, Map<String, String>> live = new LinkedHashMap<>();
        for (Topics.Spec spec : owned) {
            try {
                TopicDescription topic = topics.get(spec.name()).get(millis, TimeUnit.MILLISECONDS);
                topic.partitions().forEach(p -> p.replicas().forEach(node -> brokers.add(node.id())));
                replicas.put(spec, topic.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0));
                live.put(spec, effective(configs.get(resource(spec.name())).get(millis, TimeUnit.MILLISECONDS)));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                weaknesses.add(spec.name() + ": does not exist (infra creates it; a service never does)");
            }
        }
        live.forEach((spec, values) ->
                weaknesses.addAll(TopicDurability.weaknesses(spec, values, replicas.get(spec), brokers.size())));
        return TopicVerdict.of(weaknesses);
    }

    private TopicVerdict unknown(Throwable cause) {
        return TopicVerdict.unknown("cannot ask Kafka about " + owned.stream().map(Topics.Spec::name).toList() + ": "
                + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private static Map<String, String> effective(Config config) {
        return config.entries().stream().filter(entry -> entry.value() != null)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
    }

    private static ConfigResource resource(String topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic);
    }
}
