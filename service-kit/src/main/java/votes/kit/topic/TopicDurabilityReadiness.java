package votes.kit.topic;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import votes.events.topic.Topics;

/**
 * A service that owns a topic of the contract ({@code votes.topics.owned}) is not ready while the live topic is
 * weaker than {@link votes.events.topic.TopicDurability} requires, or while Kafka cannot say: its appends would go
 * to a log that may not keep them. A service that owns none always passes.
 */
@Readiness
@ApplicationScoped
public class TopicDurabilityReadiness implements HealthCheck {

    static final String NAME = "Kafka topic durability";
    private static final Logger LOG = Logger.getLogger(TopicDurabilityReadiness.class);

    private final List<Topics.Spec> owned;
    private final Admin admin;
    private final VerdictCache verdict;

    public TopicDurabilityReadiness(@ConfigProperty(name = "votes.topics.owned") Optional<List<String>> owned,
                                    @ConfigProperty(name = "votes.topics.check-interval") Duration interval,
                                    @ConfigProperty(name = "votes.topics.check-timeout") Duration timeout,
                                    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                                    KafkaLogin login) {
        this.owned = owned.orElse(List.of()).stream().map(String::trim).filter(name -> !name.isEmpty())
                .map(Topics::spec).toList();
        this.admin = this.owned.isEmpty() ? null
                : Admin.create(login.adminSettings(bootstrap, "votes-topic-durability", timeout));
        OwnedTopics topics = new OwnedTopics(admin, this.owned, timeout);
        this.verdict = new VerdictCache(topics::check, interval, System::nanoTime, this::log);
    }

    /** The first check runs at start, off the startup thread, so a weak topic is in the log before any probe. */
    void atStart(@Observes StartupEvent start) {
        if (!owned.isEmpty()) {
            Thread first = new Thread(verdict::get, "votes-topic-durability");
            first.setDaemon(true);
            first.start();
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("owned", owned.isEmpty() ? "none" : String.join(",", names()));
        if (owned.isEmpty()) {
            return response.up().build();
        }
        TopicVerdict current = verdict.get();
        for (int i = 0; i < current.reasons().size(); i++) {
            response.withData("reason." + (i + 1), current.reasons().get(i));
        }
        return response.status(current.up()).build();
    }

    private void log(TopicVerdict changed) {
        if (changed.up()) {
            LOG.infof("Kafka topics %s hold the contract's durability settings", names());
        } else {
            changed.reasons().forEach(reason -> LOG.errorf("Not ready, the log is not safe: %s", reason));
        }
    }

    private List<String> names() {
        return owned.stream().map(Topics.Spec::name).toList();
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
