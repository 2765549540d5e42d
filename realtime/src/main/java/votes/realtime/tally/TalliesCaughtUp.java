package votes.realtime.tally;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import votes.kit.topic.KafkaLogin;

/**
 * Ready while the broker answers and once this instance has read {@code vote-tallies} up to where it ended when the
 * instance first looked: before that it would answer 404 for polls that exist and show dashboards stale tallies.
 *
 * <p>Until then every probe asks the broker for the end offsets of the assigned partitions, on the consumer's own
 * thread (a Kafka consumer is not thread-safe; the answer may wait out the idle poll in progress there, up to the
 * channel's poll-timeout), bounded by {@code vote.readiness.kafka-timeout}. The first end offsets seen — last stable
 * offsets, the consumer reads committed only — are the target; "read" means the consumer's position passed them
 * (records are handed to {@link TallyConsumer} as they are fetched). Once caught up an instance stays so: later lag is
 * freshness (reported as {@code records-behind}, from the consumer's own lag metrics), not a reason to drop every
 * dashboard, and a probe only asks whether the cluster answers, through an admin client of its own and off the
 * consumer's thread. Either way a dead broker fails the probe within the timeout (Quarkus's Kafka check waits for the
 * admin client's 60 s default instead, longer than any probe).
 */
@Readiness
@ApplicationScoped
public class TalliesCaughtUp implements AsyncHealthCheck {

    static final String NAME = "vote-tallies readable and caught up";
    private static final String CHANNEL = "vote-tallies";

    private final KafkaClientService clients;
    private final Duration timeout;
    /** The topic as Kafka's consumer metrics tag it: its dots as underscores. */
    private final String metricsTopic;
    private final Admin admin;
    private volatile Map<TopicPartition, Long> target;
    private volatile boolean caughtUp;

    TalliesCaughtUp(KafkaClientService clients, KafkaLogin login,
                    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                    @ConfigProperty(name = "mp.messaging.incoming." + CHANNEL + ".topic") String topic,
                    @ConfigProperty(name = "vote.readiness.kafka-timeout") Duration timeout) {
        this.clients = clients;
        this.timeout = timeout;
        this.metricsTopic = topic.replace('.', '_');
        this.admin = Admin.create(login.adminSettings(bootstrap, "votes-realtime-readiness", timeout));
    }

    /** Where the consumer stands against the end it must reach, or why it cannot say. */
    private record Progress(String problem, Map<TopicPartition, Long> target, Map<TopicPartition, Long> ends,
                            Map<TopicPartition, Long> positions) {

        boolean reached() {
            return problem == null && target.entrySet().stream()
                    .allMatch(end -> positions.getOrDefault(end.getKey(), -1L) >= end.getValue());
        }

        long behind() {
            return ends.entrySet().stream()
                    .mapToLong(end -> Math.max(0, end.getValue() - positions.getOrDefault(end.getKey(), 0L))).sum();
        }
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        KafkaConsumer<String, String> consumer = clients.getConsumer(CHANNEL);
        if (consumer == null) {
            return Uni.createFrom().item(down("the " + CHANNEL + " consumer has not started"));
        }
        if (caughtUp) {
            return clusterAnswers().map(problem -> problem != null ? down(problem)
                    : HealthCheckResponse.named(NAME).up().withData("records-behind", recordsBehind(consumer)).build());
        }
        return consumer.runOnPollingThread(this::progress)
                .ifNoItem().after(timeout.multipliedBy(3))
                .recoverWithItem(() -> problem("the consumer did not answer within " + timeout.multipliedBy(3)))
                .onFailure().recoverWithItem(failure -> problem("the broker did not answer: " + failure))
                .map(progress -> {
                    if (progress.problem() != null) {
                        return down(progress.problem());
                    }
                    if (progress.reached()) {
                        caughtUp = true;
                    }
                    return HealthCheckResponse.named(NAME).status(caughtUp)
                            .withData("records-behind", progress.behind()).build();
                });
    }

    private static Progress problem(String why) {
        return new Progress(why, Map.of(), Map.of(), Map.of());
    }

    /** Runs on the consumer's own thread (a Kafka consumer is not thread-safe); throws when the broker is gone. */
    private Progress progress(org.apache.kafka.clients.consumer.Consumer<String, String> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return problem("no partition of " + CHANNEL + " assigned yet");
        }
        Map<TopicPartition, Long> ends = Map.copyOf(consumer.endOffsets(assigned, timeout));
        if (target == null) {
            target = ends;
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : assigned) {
            positions.put(partition, consumer.position(partition, timeout));
        }
        return new Progress(null, target, ends, positions);
    }

    /** Null when a broker of the cluster answered within the timeout, else why not. */
    private Uni<String> clusterAnswers() {
        return Uni.createFrom().completionStage(() -> admin.describeCluster().nodes().toCompletionStage())
                .map(nodes -> (String) null)
                .ifNoItem().after(timeout.multipliedBy(2)).recoverWithItem(() -> "the broker did not answer within "
                        + timeout.multipliedBy(2))
                .onFailure().recoverWithItem(failure -> "the broker did not answer: " + failure);
    }

    /**
     * The consumer's lag on the topic, summed over its partitions, from the lag it records at every fetch: its
     * metrics are safe to read from any thread, unlike its methods.
     */
    private long recordsBehind(KafkaConsumer<String, String> consumer) {
        double behind = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : consumer.unwrap().metrics().entrySet()) {
            MetricName name = metric.getKey();
            if (name.name().equals("records-lag") && metricsTopic.equals(name.tags().get("topic"))
                    && metric.getValue().metricValue() instanceof Double lag && !lag.isNaN()) {
                behind += lag;
            }
        }
        return (long) behind;
    }

    @PreDestroy
    void close() {
        admin.close(timeout);
    }

    private static HealthCheckResponse down(String why) {
        return HealthCheckResponse.named(NAME).down().withData("reason", why).build();
    }
}
