package votes.ledger.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import votes.events.topic.Topics;
import votes.infra.kafka.KafkaTopics;
import votes.infra.test.TestStack;

/**
 * The packaged relay on the real stack: rows committed to tally_deltas and polls arrive on the contract's topics
 * as flat JSON, and a relay killed mid-stream loses none of them once restarted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelayIT {

    private static final String DELTAS = Topics.TALLY_DELTAS;
    private static final String POLLS = Topics.LEDGER_POLLS;
    private static final String SLOT = "relay_it_" + ProcessHandle.current().pid();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static TestStack stack;
    private static LedgerDatabase database;
    private static TopicReader reader;
    private static RelayProcess relay;
    private static Map<String, String> environment;

    @BeforeAll
    static void startStackSchemaAndRelay() throws Exception {
        stack = TestStack.infrastructure();
        database = new LedgerDatabase(stack);
        database.migrate();
        try (KafkaTopics topics = new KafkaTopics(stack.kafkaBootstrap())) {
            topics.ensure(List.of(new NewTopic(DELTAS, 6, (short) 1), new NewTopic(POLLS, 3, (short) 1)));
        }
        Path work = Path.of("target", "relay-it-" + ProcessHandle.current().pid()).toAbsolutePath();
        environment = Map.of("PG_HOST", "127.0.0.1", "PG_PORT", Integer.toString(stack.settings().ports().postgres()),
                "PG_DATABASE", "votes", "PG_USER", "votes", "PG_PASSWORD", "votes",
                "KAFKA_BOOTSTRAP", stack.kafkaBootstrap(),
                "RELAY_OFFSETS_FILE", work.resolve("offsets.dat").toString(),
                "RELAY_SLOT_NAME", SLOT, "RELAY_PUBLICATION_NAME", SLOT,
                "RELAY_SLOT_DROP_ON_STOP", "true");
        reader = new TopicReader(stack.kafkaBootstrap(), Map.of(DELTAS, 6, POLLS, 3));
        relay = new RelayProcess(environment, work.resolve("relay.log")).start().awaitReady(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopRelayAndDropTheSlot() throws Exception {
        if (relay != null) {
            relay.close();
        }
        if (reader != null) {
            reader.close();
        }
        if (database != null) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                database.dropSlot(SLOT);
                assertThat(database.slots(SLOT)).isZero();
            });
        }
    }

    @Test
    @Order(1)
    void committedDeltaArrivesOnLedgerTallyDeltasAsTheFlatRow() throws Exception {
        UUID deltaId = UUID.randomUUID();
        try (Connection connection = database.connect(); PreparedStatement insert = LedgerDatabase.deltaInsert(connection)) {
            LedgerDatabase.insertDelta(insert, deltaId, "poll-" + deltaId, "a", 3);
        }

        await().atMost(PATIENCE).until(() -> reader.arrived(deltaId.toString()));
        TopicReader.Arrival arrival = reader.arrivals(DELTAS).stream()
                .filter(a -> a.value().get("delta_id").asText().equals(deltaId.toString())).findFirst().orElseThrow();
        assertThat(arrival.key().toString()).isEqualTo("{\"delta_id\":\"" + deltaId + "\"}");
        JsonNode row = arrival.value();
        assertThat(fieldNames(row)).containsExactly("delta_id", "poll_id", "option_id", "vote_count", "created_at");
        assertThat(row.get("poll_id").asText()).isEqualTo("poll-" + deltaId);
        assertThat(row.get("option_id").asText()).isEqualTo("a");
        assertThat(row.get("vote_count").asInt()).isEqualTo(3);
        assertThat(Instant.parse(row.get("created_at").asText())).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    @Order(2)
    void createdAndClosedPollArriveOnLedgerPollsWithOptionsAsJsonText() throws Exception {
        String pollId = "poll-" + UUID.randomUUID();
        Instant created = Instant.parse("2026-11-21T12:00:00.123456Z");
        try (Connection connection = database.connect()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO polls (poll_id, title, options,"
                    + " opens_at, closes_at, closed_at, created_at) VALUES (?, ?, ?::jsonb, NULL, ?, NULL, ?)")) {
                insert.setString(1, pollId);
                insert.setString(2, "Lunch?");
                insert.setString(3, "[{\"id\":\"a\",\"label\":\"Pizza\"},{\"id\":\"b\",\"label\":\"Soup\"}]");
                insert.setTimestamp(4, Timestamp.from(created.plusSeconds(3600)));
                insert.setTimestamp(5, Timestamp.from(created));
                insert.executeUpdate();
            }
            try (PreparedStatement close = connection.prepareStatement(
                    "UPDATE polls SET closed_at = ? WHERE poll_id = ?")) {
                close.setTimestamp(1, Timestamp.from(created.plusSeconds(60)));
                close.setString(2, pollId);
                close.executeUpdate();
            }
        }

        await().atMost(PATIENCE).until(() -> polls(pollId).size() == 2);
        List<TopicReader.Arrival> rows = polls(pollId);
        assertThat(rows.get(0).key().toString()).isEqualTo("{\"poll_id\":\"" + pollId + "\"}");
        JsonNode createdRow = rows.get(0).value();
        assertThat(fieldNames(createdRow))
                .containsExactly("poll_id", "title", "options", "opens_at", "closes_at", "closed_at", "created_at");
        assertThat(createdRow.get("title").asText()).isEqualTo("Lunch?");
        assertThat(createdRow.get("options").isTextual()).isTrue();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(createdRow.get("options").asText())
                .get(1).get("label").asText()).isEqualTo("Soup");
        assertThat(createdRow.get("opens_at").isNull()).isTrue();
        assertThat(Instant.parse(createdRow.get("created_at").asText())).isEqualTo(created);
        assertThat(Instant.parse(createdRow.get("closes_at").asText())).isEqualTo(created.plusSeconds(3600));
        assertThat(createdRow.get("closed_at").isNull()).isTrue();
        assertThat(Instant.parse(rows.get(1).value().get("closed_at").asText())).isEqualTo(created.plusSeconds(60));
    }

    @Test
    @Order(3)
    void commitToKafkaLatencyOverAThousandInserts() throws Exception {
        int n = 1_000;
        List<UUID> ids = new ArrayList<>(n);
        long[] committedAt = new long[n];
        try (Connection connection = database.connect(); PreparedStatement insert = LedgerDatabase.deltaInsert(connection)) {
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                LedgerDatabase.insertDelta(insert, id, "latency-poll", i % 2 == 0 ? "a" : "b", 1);
                committedAt[i] = System.nanoTime();
                ids.add(id);
                // ~500 commits/s: a steady stream, not one burst the relay would take as a single batch.
                Thread.sleep(2);
            }
        }

        await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> reader.arrived(id.toString())));
        long[] latencies = new long[n];
        for (int i = 0; i < n; i++) {
            latencies[i] = reader.firstArrival(ids.get(i).toString()) - committedAt[i];
        }
        Arrays.sort(latencies);
        System.out.printf("[relay-it] commit -> Kafka consumer latency over %d single-row commits: p50 %.1f ms,"
                        + " p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", n, latencies[n / 2] / 1e6,
                latencies[n * 9 / 10] / 1e6, latencies[n * 99 / 100] / 1e6, latencies[n - 1] / 1e6);
        String metrics = relay.body("/q/metrics");
        System.out.println("[relay-it] relay metrics:\n" + metrics);
        assertThat(metrics).containsPattern("cdc_relay_records_total\\{topic=\"ledger.tally-deltas\"} [1-9]")
                .contains("cdc_relay_commit_lag_ms ");
    }

    @Test
    @Order(4)
    void relayKilledMidStreamResumesWithoutLosingACommittedRow() throws Exception {
        List<UUID> committed = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            try (Connection connection = database.connect(); PreparedStatement insert = LedgerDatabase.deltaInsert(connection)) {
                while (writing.get()) {
                    UUID id = UUID.randomUUID();
                    LedgerDatabase.insertDelta(insert, id, "kill-poll", "a", 1);
                    committed.add(id);
                    Thread.sleep(1);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "delta-writer");
        writer.start();
        await().atMost(PATIENCE).until(() -> committed.size() > 300 && reader.arrived(committed.get(100).toString()));

        relay.kill();
        assertThat(relay.status("/q/health/live")).isEqualTo(-1);
        int atKill = committed.size();
        Thread.sleep(1_000);
        relay.start().awaitReady(Duration.ofSeconds(60));
        Thread.sleep(500);
        writing.set(false);
        writer.join();

        await().atMost(PATIENCE).until(() -> committed.stream().allMatch(id -> reader.arrived(id.toString())));
        long repeated = committed.stream().filter(id -> reader.copies(id.toString()) > 1).count();
        System.out.printf("[relay-it] kill -9 mid-stream: %d rows committed (%d before the kill), all arrived;"
                + " %d arrived more than once%n", committed.size(), atKill, repeated);
        Iterator<UUID> all = committed.iterator();
        while (all.hasNext()) {
            assertThat(reader.copies(all.next().toString())).isPositive();
        }
    }

    @Test
    @Order(5)
    void readinessAndMetricsAnswerOnTheHealthPort() throws Exception {
        assertThat(relay.status("/q/health/ready")).isEqualTo(200);
        assertThat(relay.status("/q/health/live")).isEqualTo(200);
        assertThat(relay.body("/q/health/ready")).contains("\"status\":\"UP\"");
        assertThat(relay.body("/q/metrics")).contains("cdc_relay_ready 1");
    }

    private static List<TopicReader.Arrival> polls(String pollId) {
        return reader.arrivals(POLLS).stream().filter(a -> a.value().get("poll_id").asText().equals(pollId)).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
