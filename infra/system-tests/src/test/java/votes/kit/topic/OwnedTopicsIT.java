package votes.kit.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import votes.events.topic.TopicDurability;
import votes.events.topic.Topics;
import votes.infra.stack.StackPorts;
import votes.infra.test.TestStack;

/** The readiness check's judgement of live topics on the test stack's real Kafka. */
class OwnedTopicsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    static Admin admin;

    @BeforeAll
    static void connect() {
        admin = Admin.create(TestStack.infrastructure().kafkaClientProperties());
    }

    @AfterAll
    static void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    @Test
    void theTopicsInfraCreatedHoldTheCheck() {
        List<Topics.Spec> record = List.of(Topics.spec(Topics.VOTES_SUBMITTED), Topics.spec(Topics.POLL_EVENTS),
                Topics.spec(Topics.VOTES_DEAD_LETTER));

        assertThat(new OwnedTopics(admin, record, TIMEOUT).check()).isEqualTo(TopicVerdict.of(List.of()));
    }

    @Test
    void aTopicWithKafkasSevenDayRetentionIsDownNamingRetentionMsUntilItIsKeptForEver() throws Exception {
        Topics.Spec spec = new Topics.Spec("durability-it-" + UUID.randomUUID(), true, 3, Map.of());
        Map<String, String> configs = new HashMap<>(TopicDurability.configs(spec, 1));
        configs.put("retention.ms", "604800000");
        admin.createTopics(List.of(new NewTopic(spec.name(), 3, (short) 1).configs(configs))).all()
                .get(30, TimeUnit.SECONDS);
        OwnedTopics owned = new OwnedTopics(admin, List.of(spec), TIMEOUT);

        TopicVerdict weak = owned.check();

        assertThat(weak.up()).isFalse();
        assertThat(weak.reasons()).singleElement().asString()
                .startsWith(spec.name() + ": retention.ms=604800000").contains("must be -1");

        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "-1"),
                AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);

        assertThat(owned.check()).isEqualTo(TopicVerdict.of(List.of()));
    }

    @Test
    void aTopicWithoutOverridesIsDownForEveryDefaultThatIsTooWeak() throws Exception {
        Topics.Spec spec = new Topics.Spec("durability-it-" + UUID.randomUUID(), true, 3, Map.of());
        admin.createTopics(List.of(new NewTopic(spec.name(), 3, (short) 1))).all().get(30, TimeUnit.SECONDS);

        TopicVerdict weak = new OwnedTopics(admin, List.of(spec), TIMEOUT).check();

        // The broker's defaults: 7-day retention is too weak; delete policy, min ISR 1 and no unclean election hold.
        assertThat(weak.reasons()).singleElement().asString().startsWith(spec.name() + ": retention.ms=604800000");
    }

    @Test
    void aMissingTopicIsDown() {
        Topics.Spec spec = new Topics.Spec("durability-it-missing-" + UUID.randomUUID(), true, 3, Map.of());

        TopicVerdict verdict = new OwnedTopics(admin, List.of(spec), TIMEOUT).check();

        assertThat(verdict.up()).isFalse();
        assertThat(verdict.reasons()).containsExactly(spec.name() + ": does not exist (infra creates it; a service never does)");
    }

    @Test
    void aBrokerThatCannotBeAskedIsDownWithTheReason() {
        Duration timeout = Duration.ofSeconds(2);
        try (Admin nowhere = Admin.create(Map.of("bootstrap.servers", "127.0.0.1:" + StackPorts.freePort(),
                "request.timeout.ms", 2000, "default.api.timeout.ms", 2000))) {
            long start = System.nanoTime();

            TopicVerdict verdict = new OwnedTopics(nowhere, List.of(Topics.spec(Topics.VOTES_SUBMITTED)), timeout).check();

            assertThat(verdict.up()).isFalse();
            assertThat(verdict.reasons()).singleElement().asString().startsWith("cannot ask Kafka about [votes.submitted]: ");
            // Bounded: a probe must answer even when the broker does not (three calls' timeouts at most, and slack).
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
    }
}
