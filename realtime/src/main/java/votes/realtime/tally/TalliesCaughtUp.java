package votes.realtime.tally;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once this instance has read {@code vote-tallies} up to where it ended when the instance first looked: before
 * that it would answer 404 for polls that exist and show dashboards stale tallies. The end is the last stable offset
 * (the consumer reads committed only), taken once, when the partitions are assigned; "read" means the consumer's
 * position passed it (records are handed to {@link TallyConsumer} as they are fetched). Once caught up, an instance
 * stays so: later lag is freshness, which the Kafka connection check and the metrics cover, not a reason to drop
 * every dashboard.
 */
@Readiness
@ApplicationScoped
public class TalliesCaughtUp implements AsyncHealthCheck {

    static final String NAME = "vote-tallies caught up";
    private static final String CHANNEL = "vote-tallies";

    private final KafkaClientService clients;
    private final Duration timeout;
    private volatile Map<TopicPartition, Long> target;
    private volatile boolean caughtUp;

    TalliesCaughtUp(KafkaClientService clients, @ConfigProperty(name = "vote.readiness.kafka-timeout") Duration timeout) {
        this.clients = clients;
        this.timeout = timeout;
    }

    /** Where the consumer stands against the end it must reach, or why it cannot say. */
    private record Progress(String problem, Map<TopicPartition, Long> target, Map<TopicPartition, Long> positions) {

        boolean reached() {
            return problem == null && target.entrySet().stream()
                    .allMatch(end -> positions.getOrDefault(end.getKey(), -1L) >= end.getValue());
        }

        long behind() {
            return target.entrySet().stream()
                    .mapToLong(end -> Math.max(0, end.getValue() - positions.getOrDefault(end.getKey(), 0L))).sum();
        }
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (caughtUp) {
            return Uni.createFrom().item(HealthCheckResponse.up(NAME));
        }
        KafkaConsumer<String, String> consumer = clients.getConsumer(CHANNEL);
        if (consumer == null) {
            return Uni.createFrom().item(down("the " + CHANNEL + " consumer has not started"));
        }
        return consumer.runOnPollingThread(this::progress)
                .ifNoItem().after(timeout.multipliedBy(3)).recoverWithItem(() -> new Progress("the consumer did not answer",
                        Map.of(), Map.of()))
                .onFailure().recoverWithItem(failure -> new Progress(failure.toString(), Map.of(), Map.of()))
                .map(progress -> {
                    if (progress.reached()) {
                        caughtUp = true;
                        return HealthCheckResponse.up(NAME);
                    }
                    return progress.problem() != null ? down(progress.problem())
                            : HealthCheckResponse.named(NAME).down().withData("records-behind", progress.behind()).build();
                });
    }

    /** Runs on the consumer's own thread: a Kafka consumer is not thread-safe. */
    private Progress progress(org.apache.kafka.clients.consumer.Consumer<String, String> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return new Progress("no partition of " + CHANNEL + " assigned yet", Map.of(), Map.of());
        }
        if (target == null) {
            target = Map.copyOf(consumer.endOffsets(assigned, timeout));
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : assigned) {
            positions.put(partition, consumer.position(partition, timeout));
        }
        return new Progress(null, target, positions);
    }

    private static HealthCheckResponse down(String why) {
        return HealthCheckResponse.named(NAME).down().withData("reason", why).build();
    }
}
