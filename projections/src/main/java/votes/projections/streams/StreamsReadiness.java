package votes.projections.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while Kafka Streams is RUNNING: while it waits for topics, restores stores or rebalances, the
 * stores cannot answer queries. (Quarkus's own state check is a liveness check and accepts REBALANCING.)
 */
@Readiness
@ApplicationScoped
public class StreamsReadiness implements HealthCheck {

    @Inject
    Instance<KafkaStreams> streams;

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.isResolvable() ? streams.get().state() : null;
        return HealthCheckResponse.named("Kafka Streams running")
                .status(state == KafkaStreams.State.RUNNING)
                .withData("state", state == null ? "NOT_STARTED" : state.name())
                .build();
    }
}
