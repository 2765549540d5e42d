package votes.projections;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import votes.infra.test.LocalStackResource;
import votes.projections.tally.TallyTopology;

/**
 * The real stack of {@link LocalStackResource}, plus the topics of {@link votes.events.topic.Topics} (until infra
 * creates them) and a fresh state directory, all before the application starts.
 */
public class ProjectionsStack implements QuarkusTestResourceLifecycleManager {

    private final LocalStackResource stack = new LocalStackResource();

    @Override
    public Map<String, String> start() {
        // Only Kafka is ours to configure; the other keys (PostgreSQL, Redis, JWT) would be unknown here.
        Map<String, String> infrastructure = stack.start();
        createTopicsIfMissing();
        Map<String, String> config = new HashMap<>();
        // Bootstrap and the SASL login (kafka.security.protocol, kafka.sasl.*), which Kafka Streams' keys follow.
        infrastructure.forEach((key, value) -> {
            if (key.startsWith("kafka.")) {
                config.put(key, value);
            }
        });
        config.put("kafka-streams.state.dir", freshStateDir());
        return config;
    }

    @Override
    public void stop() {
        stack.stop();
    }

    private static void createTopicsIfMissing() {
        try (Admin admin = Admin.create(LocalStackResource.stack().kafkaClientProperties())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = List.of(
                            // Co-partitioned, as the contract creates them (the start-up check refuses otherwise).
                            new NewTopic(TallyTopology.DELTAS_TOPIC, 6, (short) 1),
                            new NewTopic(TallyTopology.POLLS_TOPIC, 6, (short) 1),
                            new NewTopic(TallyTopology.TALLIES_TOPIC, 6, (short) 1)
                                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))
                    .stream().filter(t -> !existing.contains(t.name())).toList();
            admin.createTopics(missing).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the projections' topics", e.getCause());
        }
    }

    private static String freshStateDir() {
        try {
            Path target = Files.createDirectories(Path.of("target", "streams-state"));
            return Files.createTempDirectory(target, "it-").toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
