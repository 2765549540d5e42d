package votes.projections.partition;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.streams.StreamsConfig;
import org.jboss.logging.Logger;
import votes.projections.tally.TallyTopology;
import votes.projections.tally.TopologyProducer;

/**
 * Fails the start when the topology's input topics are not co-partitioned ({@link CoPartitioning}): runs before
 * Quarkus starts Kafka Streams (an earlier observer of the same event), so not one row is tallied by the wrong task.
 * The start fails with the reason, and the process exits.
 */
@ApplicationScoped
public class CoPartitionCheck {

    private static final Logger LOG = Logger.getLogger(CoPartitionCheck.class);
    /** One metadata call's limit, and the pause between tries while a topic is missing or Kafka unreachable. */
    private static final long CALL_TIMEOUT_SECONDS = 15;
    private static final Duration RETRY_EVERY = Duration.ofSeconds(1);

    @Inject
    StreamsConfig streams;

    @Inject
    TopologyProducer.ProjectionsConfig config;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start)
            throws InterruptedException {
        try (Admin admin = Admin.create(streams.getAdminConfigs("votes-projections-co-partition-check"))) {
            Map<String, Integer> counts = check(admin, TallyTopology.SOURCE_TOPICS, config.topicsWait());
            LOG.infof("Input topics co-partitioned: %s", counts);
        }
    }

    /**
     * Reads the partition counts of {@code topics} (waiting up to {@code wait} for all of them to exist) and verifies
     * they are equal.
     *
     * @return the counts, topic by topic
     * @throws CoPartitioning.MismatchedPartitionsException when they differ
     * @throws IllegalStateException when they could not be read within {@code wait}
     */
    public static Map<String, Integer> check(Admin admin, List<String> topics, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                        .get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Map<String, Integer> counts = CoPartitioning.counts(topics,
                        topic -> described.get(topic).partitions().size());
                CoPartitioning.verify(counts);
                return counts;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("cannot read the partition counts of " + topics + " within "
                            + wait + " (PROJECTIONS_TOPICS_WAIT): " + cause, cause);
                }
                LOG.infof("Waiting for the partition counts of %s: %s", topics, cause.toString());
                Thread.sleep(RETRY_EVERY.toMillis());
            }
        }
    }
}
