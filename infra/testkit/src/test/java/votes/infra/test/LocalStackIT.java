package votes.infra.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import votes.events.topic.Topics;
import votes.infra.kafka.KafkaTopics;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.redis.RedisPing;
import votes.infra.service.ServiceEnv;
import votes.infra.service.ServiceSpec;
import votes.infra.redis.acl.RedisLogin;
import votes.infra.stack.Component;
import votes.infra.stack.Probes;
import votes.infra.tls.ServerCertificate;
import votes.kit.secret.SecretRule;

/** The real stack through the same code as ./vote and LocalStackResource, on free ports. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    static TestStack stack;
    static TinyUpstreams upstreams;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> config = new LocalStackResource().start();
        stack = LocalStackResource.stack();
        assertThat(config).containsEntry("kafka.bootstrap.servers", stack.kafkaBootstrap())
                .containsEntry("quarkus.datasource.jdbc.url", stack.jdbcUrl())
                .containsEntry("quarkus.redis.hosts", stack.redisUrl())
                .containsKeys("quarkus.datasource.reactive.url", "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer");
        upstreams = TinyUpstreams.start(stack.settings().ports().ledger(), stack.settings().ports().ingest());
        stack.localStack().gateway().start();
    }

    @AfterAll
    static void stopUpstreams() {
        if (upstreams != null) {
            upstreams.close();
        }
    }

    @Test
    @Order(1)
    void kafkaHasTheContractTopicsAndCarriesARecord() throws Exception {
        try (KafkaTopics topics = new KafkaTopics(stack.kafkaClientProperties())) {
            assertThat(topics.partitions()).containsEntry(Topics.VOTES_SUBMITTED, 6).containsEntry(Topics.POLL_EVENTS, 3)
                    .containsEntry(Topics.VOTES_DEAD_LETTER, 3);
        }
        Properties p = new Properties();
        p.putAll(stack.kafkaClientProperties());
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("poll-events", 0, "poll-1", "{\"hello\":1}")).get();
        }
        Properties c = new Properties();
        c.putAll(stack.kafkaClientProperties());
        try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("poll-events", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 15_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> values.add(r.key() + "=" + r.value()));
            }
            assertThat(values).containsExactly("poll-1={\"hello\":1}");
        }
    }

    @Test
    @Order(1)
    void theTopicsOfRecordAreKeptForEverOnTheLiveBroker() {
        try (KafkaTopics topics = new KafkaTopics(stack.kafkaClientProperties())) {
            Map<String, Map<String, String>> live = topics.configs(List.of(Topics.VOTES_SUBMITTED, Topics.POLL_EVENTS,
                    Topics.VOTES_DEAD_LETTER, Topics.VOTE_TALLIES));
            for (String record : List.of(Topics.VOTES_SUBMITTED, Topics.POLL_EVENTS, Topics.VOTES_DEAD_LETTER)) {
                assertThat(live.get(record)).as(record).containsEntry("retention.ms", "-1")
                        .containsEntry("retention.bytes", "-1").containsEntry("cleanup.policy", "delete")
                        .containsEntry("min.insync.replicas", "1").containsEntry("unclean.leader.election.enable", "false");
            }
            assertThat(live.get(Topics.VOTE_TALLIES)).containsEntry("cleanup.policy", "compact")
                    .containsEntry("retention.ms", "604800000");
        }
    }

    @Test
    @Order(1)
    void aTopicFromBeforeTheContractIsBroughtUpToItAndTheStepSaysWhatChanged() throws Exception {
        ConfigResource votes = new ConfigResource(ConfigResource.Type.TOPIC, Topics.VOTES_SUBMITTED);
        try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
            // What a stack started before this change has: no override, Kafka's 7-day default.
            admin.incrementalAlterConfigs(Map.of(votes, List.of(new AlterConfigOp(
                    new ConfigEntry("retention.ms", ""), AlterConfigOp.OpType.DELETE)))).all().get(30, TimeUnit.SECONDS);

            String outcome = stack.localStack().kafka().start();

            assertThat(outcome).contains("votes.submitted: retention.ms 604800000 → -1");
            Config live = admin.describeConfigs(List.of(votes)).all().get(30, TimeUnit.SECONDS).get(votes);
            assertThat(live.get("retention.ms").value()).isEqualTo("-1");
        }
    }

    @Test
    @Order(2)
    void postgresAnswersTheOwnerRoleWithItsGeneratedPasswordAndLogicalWal() throws Exception {
        try (Connection db = stack.connect(DatabaseRole.OWNER);
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT current_user, current_database(), current_setting('wal_level'), current_setting('fsync')")) {
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .containsExactly("votes", "votes", "logical", "on");
        }
    }

    @Test
    @Order(2)
    void theServicesAreHandedThisStacksGeneratedSecretsWhichTheirStartupCheckAccepts() throws Exception {
        Map<String, String> env = ServiceEnv.of(stack.settings(), ServiceSpec.INGEST, stack.settings().ports().ingest());
        SecretRule rule = new SecretRule(32, Set.of("votes"));
        for (Map.Entry<String, String> secret : Map.of("VOTER_ID_KEY", "voter-id-key",
                "VOTE_CHALLENGE_SECRET", "challenge-secret", "CLIENT_FACTS_KEY", "client-facts-key").entrySet()) {
            Path file = stack.settings().secretsDir().resolve(secret.getValue());
            assertThat(env.get(secret.getKey())).as(secret.getKey())
                    .isEqualTo(Files.readString(file).strip()).hasSize(43);
            assertThat(rule.problem(secret.getKey(), env.get(secret.getKey()))).as(secret.getKey()).isEmpty();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stack.settings().secretsDir())))
                .isEqualTo("rwx------");
    }

    @Test
    @Order(3)
    void redisAnswersPingAndComesBackAfterKill9() {
        int port = stack.settings().ports().redis();
        RedisLogin login = RedisLogin.of(stack.settings().secrets());
        assertThat(RedisPing.ping(port, login)).isTrue();
        Component redis = stack.localStack().require("redis");
        long before = redis.pid().orElseThrow();
        redis.kill9();
        assertThat(redis.isUp()).isFalse();
        redis.start();
        assertThat(RedisPing.ping(port, login)).isTrue();
        assertThat(redis.pid().orElseThrow()).isNotEqualTo(before);
    }

    @Test
    @Order(4)
    void gatewayRoutesByPathAndPassesHeadersBothWays() throws Exception {
        HttpResponse<String> ledger = http.send(HttpRequest.newBuilder(gateway("/api/v1/polls/p-1"))
                .header("X-Request-Id", "rid-1").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ledger.statusCode()).isEqualTo(200);
        assertThat(ledger.headers().firstValue("X-Upstream")).hasValue("ledger");
        assertThat(ledger.body()).contains("GET /api/v1/polls/p-1", "x-request-id=rid-1", "x-forwarded-for=127.0.0.1");

        HttpResponse<String> ingest = http.send(HttpRequest.newBuilder(gateway("/api/v1/polls/p-1/votes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"optionId\":\"a\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ingest.statusCode()).isEqualTo(202);
        assertThat(ingest.headers().firstValue("X-Upstream")).hasValue("ingest");
        assertThat(ingest.body()).contains("POST /api/v1/polls/p-1/votes", "{\"optionId\":\"a\"}");
    }

    @Test
    @Order(5)
    void deadUpstreamIsA502Problem() throws Exception {
        HttpResponse<String> results = http.send(HttpRequest.newBuilder(gateway("/api/v1/polls/p-1/results")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(results.statusCode()).isEqualTo(502);
        assertThat(results.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(results.body()).contains("\"status\":502", "realtime");
    }

    @Test
    @Order(6)
    void gatewayStreamsEachChunkAsTheUpstreamWritesIt() throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(gateway("/api/v1/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // The upstream holds the second event until the first has reached us: no buffering in between.
            assertThat(lines.readLine()).isEqualTo("data: one");
            upstreams.releaseSecondEvent();
            assertThat(lines.readLine()).isEmpty();
            assertThat(lines.readLine()).isEqualTo("data: two");
        }
    }

    @Test
    @Order(7)
    void theGatewayServesTls13OnlyWithTheCertificateTheStackIssued() throws Exception {
        ServerCertificate tls = ServerCertificate.of(stack.settings());
        URI page = URI.create(stack.settings().gatewayTlsUrl() + "/api/v1/polls/p-1");

        HttpResponse<String> answer = tlsClient(tls, "TLSv1.3").send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.3");
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(tls.caFile()).isEqualTo(stack.settings().caFile());
        assertThat(java.nio.file.Files.getPosixFilePermissions(tls.keyFile()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        assertThatThrownBy(() -> tlsClient(tls, "TLSv1.2").send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLException.class);
    }

    private static HttpClient tlsClient(ServerCertificate tls, String protocol) {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {protocol});
        return HttpClient.newBuilder().sslContext(tls.clientContext()).sslParameters(parameters).build();
    }

    @Test
    @Order(99)
    void stoppingTheStackLeavesNoProcess() {
        List<ProcessHandle> started = new ArrayList<>();
        for (Component c : stack.localStack().all()) {
            c.pid().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(h -> {
                started.add(h);
                started.addAll(h.descendants().toList());
            }));
        }
        assertThat(started).hasSizeGreaterThanOrEqualTo(4); // kafka, postgres (+ its workers), redis, gateway

        stack.localStack().stopAll();

        assertThat(started).allSatisfy(h -> assertThat(Probes.await(Duration.ofSeconds(10), null, () -> !h.isAlive()))
                .as("pid %d (%s) is gone", h.pid(), h.info().command().orElse("?")).isTrue());
        assertThat(stack.localStack().all()).noneMatch(Component::isUp);
    }

    private URI gateway(String path) {
        return URI.create(stack.gatewayUrl() + path);
    }
}
