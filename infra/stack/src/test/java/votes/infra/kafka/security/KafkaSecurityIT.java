package votes.infra.kafka.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import votes.events.topic.Topics;
import votes.infra.kafka.KafkaServer;
import votes.infra.launcher.LocalStack;
import votes.infra.stack.StackSettings;
import votes.infra.stack.Tier;

/** The stack's Kafka (one node, as `./vote up` starts it) refuses unauthenticated and unauthorized producers. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaSecurityIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /**
     * How long a client that skips the SASL handshake waits for metadata that never comes. An authenticated client's
     * first send takes well under a second on this one-node broker (the first test), so five is ample to tell a refusal
     * from a slow answer; the full {@link #PATIENCE} there was 20 s of the suite spent proving the same thing.
     */
    private static final Duration REFUSED_PATIENCE = Duration.ofSeconds(5);

    static LocalStack stack;
    static KafkaAccess access;

    @BeforeAll
    static void startKafka() {
        Path home = Path.of("target", "kafka-security-" + ProcessHandle.current().pid()).toAbsolutePath();
        stack = new LocalStack(StackSettings.ephemeral(home, StackSettings.findRepoRoot(Path.of(""))),
                note -> System.err.println("[kafka-security] " + note));
        System.err.println("[kafka-security] " + stack.kafka().start());
        access = KafkaAccess.of(stack.settings());
    }

    @AfterAll
    static void stopAndRemoveTheData() throws IOException {
        new Tier(stack.kafka().nodes()).stop();
        try (Stream<Path> tree = Files.walk(stack.settings().home().resolve("data"))) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void ingestsPrincipalAppendsToVotesSubmitted() throws Exception {
        try (KafkaProducer<String, String> producer = producer(access.client(KafkaPrincipal.INGEST))) {
            assertThat(producer.send(record()).get(60, TimeUnit.SECONDS).offset()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    @Order(2)
    void aClientWithoutCredentialsCannotProduce() {
        Map<String, Object> plain = Map.of("bootstrap.servers", stack.settings().kafkaBootstrap());
        try (KafkaProducer<String, String> producer = producer(plain, REFUSED_PATIENCE)) {
            // The SASL listener never answers a client that skips the handshake: no metadata, the send gives up.
            assertThat(causes(() -> producer.send(record()).get(60, TimeUnit.SECONDS)))
                    .hasAtLeastOneElementOfType(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    @Order(3)
    void aClientWithAWrongPasswordFailsAuthentication() {
        Map<String, Object> wrong = new HashMap<>(access.client(KafkaPrincipal.INGEST));
        wrong.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"ingest\" password=\"not-the-password\";");
        try (KafkaProducer<String, String> producer = producer(wrong)) {
            assertThat(causes(() -> producer.send(record()).get(60, TimeUnit.SECONDS)))
                    .hasAtLeastOneElementOfType(SaslAuthenticationException.class);
        }
    }

    @Test
    @Order(4)
    void theRealtimeAndAuditPrincipalsMayNotWriteVotesSubmitted() {
        for (KafkaPrincipal reader : List.of(KafkaPrincipal.REALTIME, KafkaPrincipal.AUDIT)) {
            Map<String, Object> config = new HashMap<>(access.client(reader));
            // An idempotent producer is refused one step earlier (ClusterAuthorizationException: no WRITE on any
            // topic, so no IDEMPOTENT_WRITE); a plain one reaches the topic's own check.
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
            try (KafkaProducer<String, String> producer = producer(config)) {
                assertThatThrownBy(() -> producer.send(record()).get(60, TimeUnit.SECONDS)).as(reader.user())
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    @Order(5)
    void aRestartAddsAPrincipalThatLacksItsScramUser() throws Exception {
        deleteScramUsers("realtime");
        assertThat(restart()).contains("(added SCRAM-SHA-512 users realtime)");
        assertThat(canDescribeTheTallies(KafkaPrincipal.REALTIME)).isTrue();
    }

    @Test
    @Order(6)
    void aHomeFormattedWithoutScramUsersGetsThemThroughTheAdminOverPlainOnce() throws Exception {
        deleteScramUsers("admin", "audit");
        Files.delete(stack.settings().dataDir("kafka").resolve("scram-users"));
        assertThat(restart()).contains("data formatted before SASL: added SCRAM-SHA-512 users admin, audit");
        assertThat(canDescribeTheTallies(KafkaPrincipal.AUDIT)).isTrue();
        assertThat(restart()).doesNotContain("added");
        assertThat(Files.readString(stack.settings().dataDir("kafka").resolve("server.properties")))
                .doesNotContain("SCRAM-SHA-512,PLAIN", "listener.name.client.plain");
    }

    private static void deleteScramUsers(String... users) throws Exception {
        try (Admin admin = Admin.create(access.admin())) {
            admin.alterUserScramCredentials(java.util.Arrays.stream(users).map(user ->
                    (org.apache.kafka.clients.admin.UserScramCredentialAlteration)
                            new UserScramCredentialDeletion(user, ScramMechanism.SCRAM_SHA_512)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private static String restart() {
        KafkaServer node = stack.kafka().nodes().get(0);
        node.stop();
        String outcome = node.start();
        System.err.println("[kafka-security] restarted: " + outcome);
        return outcome;
    }

    private static boolean canDescribeTheTallies(KafkaPrincipal principal) throws Exception {
        try (Admin admin = Admin.create(access.client(principal))) {
            return admin.describeTopics(List.of(Topics.VOTE_TALLIES)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .containsKey(Topics.VOTE_TALLIES);
        }
    }

    /** The exception the call threw and its causes (empty if it threw nothing). */
    private static List<Throwable> causes(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = org.assertj.core.api.Assertions.catchThrowable(call); t != null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static ProducerRecord<String, String> record() {
        return new ProducerRecord<>(Topics.VOTES_SUBMITTED, "k", "forged?");
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> client) {
        return producer(client, PATIENCE);
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> client, Duration patience) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) patience.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) patience.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) patience.toMillis() / 2);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
