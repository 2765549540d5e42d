package votes.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import votes.events.topic.Topics;
import votes.infra.kafka.security.KafkaAccess;
import votes.infra.kafka.security.KafkaPrincipal;
import votes.infra.launcher.LocalStack;
import votes.infra.stack.Component;
import votes.infra.stack.Probes;
import votes.infra.stack.StackSettings;
import votes.infra.stack.Tier;

/** `./vote up --brokers 3`'s Kafka, through the same LocalStack, on free ports under target/: only Kafka is started. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeBrokersIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    static LocalStack stack;
    static Admin admin;
    static String startOutcome;

    @BeforeAll
    static void startThreeNodes() {
        Path home = Path.of("target", "three-brokers-" + ProcessHandle.current().pid()).toAbsolutePath();
        StackSettings settings = StackSettings.ephemeral(home, StackSettings.findRepoRoot(Path.of(""))).withBrokers(3);
        stack = new LocalStack(settings, note -> System.err.println("[three-brokers] " + note));
        long start = System.nanoTime();
        startOutcome = stack.kafka().start();
        System.err.printf("[three-brokers] %s (%d ms)%n", startOutcome, (System.nanoTime() - start) / 1_000_000);
        admin = Admin.create(KafkaAccess.of(settings).admin());
    }

    @AfterAll
    static void stopAndRemoveTheData() throws IOException {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
        long start = System.nanoTime();
        new Tier(stack.kafka().nodes()).stop();
        System.err.printf("[three-brokers] three nodes stopped together in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        // The logs stay under target/ for a post-mortem, like the shared test stack's.
        try (Stream<Path> tree = Files.walk(stack.settings().home().resolve("data"))) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void eachNodeIsItsOwnComponentAndClientsAreGivenAllThree() {
        assertThat(stack.infrastructure()).extracting(Component::name)
                .containsExactly("kafka", "kafka-2", "kafka-3", "postgres", "redis");
        assertThat(stack.kafka().nodes()).allMatch(Component::isUp);
        assertThat(startOutcome).startsWith("3 brokers up on " + stack.settings().kafkaBootstrap());
        assertThat(stack.settings().kafkaBootstrap().split(",")).hasSize(3);
    }

    @Test
    @Order(2)
    void everyTopicHasThreeReplicasAndTwoMustAcknowledge() throws Exception {
        List<String> names = Topics.ALL.stream().map(Topics.Spec::name).toList();
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
        assertThat(topics).hasSize(names.size());
        topics.values().forEach(topic -> assertThat(topic.partitions()).as(topic.name())
                .allSatisfy(p -> assertThat(p.replicas()).hasSize(3)));
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get(30, TimeUnit.SECONDS);
        configs.forEach((topic, config) -> {
            assertThat(config.get("min.insync.replicas").value()).as(topic.name()).isEqualTo("2");
            assertThat(config.get("unclean.leader.election.enable").value()).as(topic.name()).isEqualTo("false");
        });
        assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.VOTES_SUBMITTED))
                .get("retention.ms").value()).isEqualTo("-1");
    }

    @Test
    @Order(3)
    void kafkasOwnTopicsAreAsDurableAsOurs() throws Exception {
        ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "2");
        Config config = admin.describeConfigs(List.of(node)).all().get(30, TimeUnit.SECONDS).get(node);
        assertThat(List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
                "share.coordinator.state.topic.min.isr", "min.insync.replicas", "default.replication.factor")
                .stream().map(key -> key + "=" + config.get(key).value()))
                .containsExactly("offsets.topic.replication.factor=3", "transaction.state.log.replication.factor=3",
                        "transaction.state.log.min.isr=2", "share.coordinator.state.topic.replication.factor=3",
                        "share.coordinator.state.topic.min.isr=2", "min.insync.replicas=2",
                        "default.replication.factor=3");
    }

    @Test
    @Order(4)
    void appendsWithAcksAllGoOnWhileOneNodeIsKilledAndItRejoinsTheIsrAfterARestart() throws Exception {
        Component second = stack.require("kafka-2");
        long pid = second.pid().orElseThrow();

        second.kill9();
        long killedAt = System.nanoTime();
        assertThat(Probes.alive(pid)).isFalse();

        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                sends.add(producer.send(new ProducerRecord<>(Topics.VOTES_SUBMITTED, "voter-" + i, "vote-" + i)));
            }
            List<Integer> partitions = new ArrayList<>();
            for (Future<RecordMetadata> send : sends) {
                partitions.add(send.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).partition());
            }
            System.err.printf("[three-brokers] 600 acks=all appends with kafka-2 dead acknowledged %d ms after the kill%n",
                    (System.nanoTime() - killedAt) / 1_000_000);
            assertThat(partitions).containsAll(List.of(0, 1, 2, 3, 4, 5));
        }
        assertThat(isrSizes()).as("kafka-2 left every ISR").hasSize(6).allMatch(size -> size == 2);

        long restart = System.nanoTime();
        assertThat(second.start()).startsWith("up on 127.0.0.1:" + second.port());
        assertThat(second.pid().orElseThrow()).isNotEqualTo(pid);
        assertThat(Probes.await(PATIENCE, null, () -> isrSizes().equals(List.of(3, 3, 3, 3, 3, 3))))
                .as("every partition of votes.submitted back to an ISR of 3: %s", isrSizes()).isTrue();
        System.err.printf("[three-brokers] kafka-2 restarted and back in every ISR in %d ms%n",
                (System.nanoTime() - restart) / 1_000_000);
    }

    private static KafkaProducer<String, String> producer() {
        Map<String, Object> config = new java.util.HashMap<>(KafkaAccess.of(stack.settings()).client(KafkaPrincipal.INGEST));
        config.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis()));
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<Integer> isrSizes() {
        try {
            return admin.describeTopics(List.of(Topics.VOTES_SUBMITTED)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(Topics.VOTES_SUBMITTED).partitions().stream().map(TopicPartitionInfo::isr).map(List::size).toList();
        } catch (Exception e) {
            return List.of();
        }
    }
}
