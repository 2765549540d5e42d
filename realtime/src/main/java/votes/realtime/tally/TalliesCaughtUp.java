package votes.realtime.tally;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import votes.kit.topic.KafkaLogin;

/**
 * Ready while the broker answers and once this instance has read {@code vote-tallies} to its end: before that it would
 * answer 404 for polls that exist and show dashboards stale tallies.
 *
 * <p>"Read to its end" comes from the consumer's own lag metrics, safe to read from any thread, unlike its methods:
 * every partition of the topic (the instance's group is its own, so it holds them all) has had a fetch after which
 * its lag ({@code records-lag}: last stable offset minus position, the consumer reads committed only) was zero. A
 * partition not fetched yet has no such metric, so a starting instance is not ready. Records are handed to
 * {@link TallyConsumer} as they are fetched. The check never touches the consumer's polling thread, which may sit in
 * an idle poll for seconds ({@code VOTE_TALLY_POLL_TIMEOUT_MS}); until 2026-12-07 it read positions and end offsets
 * there, and a probe waited out that poll. Once caught up an instance stays so: later lag is freshness (reported as
 * {@code records-behind}), not a reason to drop every dashboard. Every probe asks the cluster through an admin client
 * of its own, so a dead broker fails it within the timeout (Quarkus's Kafka check waits for the admin client's 60 s
 * default instead, longer than any probe).
 */
@Readiness
@ApplicationScoped
public class TalliesCaughtUp implements AsyncHealthCheck {

    static final String NAME = "vote-tallies readable and caught up";
    private static final String CHANNEL = "vote-tallies";

    private final KafkaClientService clients;
    private final Duration timeout;
    private final String topic;
    /** The topic as Kafka's consumer metrics tag it: its dots as underscores. */
    private final String metricsTopic;
    private final Admin admin;
    private volatile boolean caughtUp;

    TalliesCaughtUp(KafkaClientService clients, KafkaLogin login,
                    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                    @ConfigProperty(name = "mp.messaging.incoming." + CHANNEL + ".topic") String topic,
                    @ConfigProperty(name = "vote.readiness.kafka-timeout") Duration timeout) {
        this.clients = clients;
        this.timeout = timeout;
        this.topic = topic;
        this.metricsTopic = topic.replace('.', '_');
        this.admin = Admin.create(login.adminSettings(bootstrap, "votes-realtime-readiness", timeout));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        KafkaConsumer<String, String> consumer = clients.getConsumer(CHANNEL);
        if (consumer == null) {
            return Uni.createFrom().item(down("the " + CHANNEL + " consumer has not started"));
        }
        return partitions().map(answer -> {
            if (answer.problem() != null) {
                return down(answer.problem());
            }
            Map<Integer, Double> lags = lags(consumer);
            if (!caughtUp && readToTheEnd(lags, answer.partitions())) {
                caughtUp = true;
            }
            long behind = (long) lags.values().stream().mapToDouble(Double::doubleValue).sum();
            return HealthCheckResponse.named(NAME).status(caughtUp).withData("records-behind", behind).build();
        });
    }

    /** Every one of the topic's partitions has been fetched, and its lag after the last fetch was zero. */
    static boolean readToTheEnd(Map<Integer, Double> lags, int partitions) {
        return lags.size() >= partitions && lags.values().stream().allMatch(lag -> lag <= 0);
    }

    /** How many partitions the topic has, or why the broker did not say within the timeout. */
    private record Partitions(int partitions, String problem) {
    }

    private Uni<Partitions> partitions() {
        return Uni.createFrom().completionStage(() -> admin.describeTopics(List.of(topic)).allTopicNames()
                        .toCompletionStage())
                .map(topics -> new Partitions(topics.get(topic).partitions().size(), null))
                .ifNoItem().after(timeout.multipliedBy(2)).recoverWithItem(() -> new Partitions(0,
                        "the broker did not answer within " + timeout.multipliedBy(2)))
                .onFailure().recoverWithItem(failure -> new Partitions(0, "the broker did not answer: " + failure));
    }

    /** The consumer's lag per partition of the topic, as recorded at the partition's last fetch (none: not fetched). */
    private Map<Integer, Double> lags(KafkaConsumer<String, String> consumer) {
        Map<Integer, Double> lags = new HashMap<>();
        for (Map.Entry<MetricName, ? extends Metric> metric : consumer.unwrap().metrics().entrySet()) {
            MetricName name = metric.getKey();
            if (name.name().equals("records-lag") && metricsTopic.equals(name.tags().get("topic"))
                    && metric.getValue().metricValue() instanceof Double lag && !lag.isNaN()) {
                lags.put(Integer.valueOf(name.tags().get("partition")), lag);
            }
        }
        return lags;
    }

    @PreDestroy
    void close() {
        admin.close(timeout);
    }

    private static HealthCheckResponse down(String why) {
        return HealthCheckResponse.named(NAME).down().withData("reason", why).build();
    }
}
