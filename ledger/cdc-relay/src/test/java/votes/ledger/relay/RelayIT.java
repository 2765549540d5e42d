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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import votes.events.topic.Topics;
import votes.infra.kafka.KafkaTopics;
import votes.infra.postgres.role.DatabaseLogin;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.service.ServiceEnv;
import votes.infra.service.ServiceSpec;
import votes.infra.stack.Component;
import votes.infra.test.TestStack;
import votes.ledger.relay.offset.StoredOffset;
import votes.ledger.relay.slot.ReplicationSlots;
import votes.ledger.relay.slot.SlotState;

/**
 * The packaged relay on the real stack: rows committed to tally_deltas and polls arrive on the contract's topics
 * as flat JSON; a relay killed or stopped mid-stream, or PostgreSQL stopped under it, loses none of them; the
 * slot is never confirmed past the offsets file and never pins WAL for untracked tables; a relay that cannot
 * resume says so (readiness, metric, one line per check) and the reset recovers it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelayIT {

    private static final String DELTAS = Topics.TALLY_DELTAS;
    private static final String POLLS = Topics.LEDGER_POLLS;
    private static final String SKIPPED = "cdc_relay_skipped_total";
    private static final String SLOT = "relay_it_" + ProcessHandle.current().pid();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Short, so the idle and no-pinning scenarios take seconds; production runs 10 s. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration READY = Duration.ofSeconds(60);
    /** Rows the writer commits in each phase of a restart scenario (down, back up): enough to straddle it. */
    private static final int ROWS_PER_PHASE = 200;
    /** Both topics, as the contract creates them on the stack's default 6-partition votes.submitted: co-partitioned. */
    private static final int PARTITIONS = 6;

    private static TestStack stack;
    private static LedgerDatabase database;
    private static TopicReader reader;
    private static RelayProcess relay;
    private static Map<String, String> environment;
    private static Path offsets;

    @BeforeAll
    static void startStackSchemaAndRelay() throws Exception {
        stack = TestStack.infrastructure();
        database = new LedgerDatabase(stack);
        database.migrate();
        database.publication(SLOT);
        DatabaseLogin relayRole = stack.pgLogin(DatabaseRole.RELAY);
        try (KafkaTopics topics = new KafkaTopics(stack.kafkaClientProperties())) {
            topics.ensure(List.of(new NewTopic(DELTAS, PARTITIONS, (short) 1),
                    new NewTopic(POLLS, PARTITIONS, (short) 1)));
        }
        Path work = Path.of("target", "relay-it-" + ProcessHandle.current().pid()).toAbsolutePath();
        offsets = work.resolve("offsets.dat");
        environment = new HashMap<>(Map.of("PG_HOST", "127.0.0.1",
                "PG_PORT", Integer.toString(stack.settings().ports().postgres()),
                "PG_DATABASE", "votes", "PG_USER", relayRole.user(), "PG_PASSWORD", relayRole.password(),
                "KAFKA_BOOTSTRAP", stack.kafkaBootstrap(),
                "RELAY_OFFSETS_FILE", offsets.toString(),
                "RELAY_SLOT_NAME", SLOT, "RELAY_PUBLICATION_NAME", SLOT,
                // Kept on a clean stop, as in production: a graceful restart must resume from it.
                "RELAY_SLOT_DROP_ON_STOP", "false"));
        // The relay's own principal, as on the stack: its ACLs (write ledger.*) are part of what this proves.
        environment.putAll(ServiceEnv.kafka(stack.settings(), ServiceSpec.CDC_RELAY.module()));
        environment.putAll(Map.of("RELAY_HEARTBEAT_INTERVAL_MS", Long.toString(HEARTBEAT.toMillis()),
                "RELAY_SLOT_CHECK_INTERVAL_MS", "1000",
                "RELAY_RESTART_MAX_MS", "4000"));
        reader = new TopicReader(stack.kafkaClientProperties(), Map.of(DELTAS, PARTITIONS, POLLS, PARTITIONS));
        relay = new RelayProcess(environment, work.resolve("relay.log")).start().awaitReady(READY);
    }

    /** A relay process is kept for the whole class: the slot is dropped here, once. */
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
        assertThat(arrival.key()).as("keyed by its poll, not its delta id").isEqualTo("poll-" + deltaId);
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
        assertThat(rows.get(0).key()).isEqualTo(pollId);
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
    @Order(2)
    void aPollsDeltasAndItsPollRowAreKeyedByThePollIdAndLandOnTheSamePartitionNumber() throws Exception {
        // Enough polls that, hashed at random, they spread over several partitions: one shared partition proves nothing.
        List<String> pollIds = new ArrayList<>();
        try (Connection connection = database.connect(); PreparedStatement delta = LedgerDatabase.deltaInsert(connection)) {
            for (int i = 0; i < 12; i++) {
                String pollId = "copartitioned-" + UUID.randomUUID();
                pollIds.add(pollId);
                insertPoll(connection, pollId);
                for (String option : List.of("a", "b", "a")) {
                    LedgerDatabase.insertDelta(delta, UUID.randomUUID(), pollId, option, 1);
                }
            }
        }

        await().atMost(PATIENCE).until(() -> pollIds.stream()
                .allMatch(id -> polls(id).size() == 1 && deltasOf(id).size() == 3));
        java.util.Set<Integer> used = new java.util.TreeSet<>();
        for (String pollId : pollIds) {
            List<TopicReader.Arrival> rows = new ArrayList<>(deltasOf(pollId));
            rows.addAll(polls(pollId));
            assertThat(rows).as("every row of " + pollId + " carries the poll id as its key")
                    .extracting(TopicReader.Arrival::key).containsOnly(pollId);
            assertThat(rows).as("the deltas and the poll row of " + pollId + " share one partition number")
                    .extracting(TopicReader.Arrival::partition).containsOnly(rows.get(0).partition());
            used.add(rows.get(0).partition());
        }
        assertThat(used).as("partitions the polls went to").hasSizeGreaterThan(1);
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
        List<UUID> committed;
        int atKill;
        try (DeltaStream stream = new DeltaStream(database, "kill-poll")) {
            awaitFlowing(stream);

            relay.kill();
            assertThat(relay.status("/q/health/live")).isEqualTo(-1);
            atKill = stream.committed().size();
            awaitRowsCommitted(stream, "while the relay is dead");
            relay.start().awaitReady(READY);
            awaitRowsCommitted(stream, "once the relay is back");
            committed = List.copyOf(stream.committed());
        }

        await().atMost(PATIENCE).until(() -> allArrived(committed));
        System.out.printf("[relay-it] kill -9 mid-stream: %d rows committed (%d before the kill), all arrived;"
                + " %d arrived more than once%n", committed.size(), atKill, repeated(committed));
    }

    @Test
    @Order(5)
    void readinessAndMetricsAnswerOnTheHealthPort() throws Exception {
        assertThat(relay.status("/q/health/ready")).isEqualTo(200);
        assertThat(relay.status("/q/health/live")).isEqualTo(200);
        assertThat(relay.body("/q/health/ready")).contains("\"status\":\"UP\"");
        assertThat(relay.body("/q/metrics")).contains("cdc_relay_ready 1");
    }

    @Test
    @Order(6)
    void relayStoppedGracefullyMidStreamResumesAndEveryCommittedRowArrives() throws Exception {
        List<UUID> committed;
        int whileStopped;
        try (DeltaStream stream = new DeltaStream(database, "graceful-poll")) {
            awaitFlowing(stream);

            relay.stop();
            int atStop = stream.committed().size();
            awaitRowsCommitted(stream, "while the relay is stopped");
            whileStopped = stream.committed().size() - atStop;
            relay.start().awaitReady(READY);
            awaitRowsCommitted(stream, "once the relay is back");
            committed = List.copyOf(stream.committed());
        }

        await().atMost(PATIENCE).until(() -> allArrived(committed));
        assertThat(whileStopped).as("rows committed while the relay was stopped").isPositive();
        assertThat(relay.status("/q/health/ready")).isEqualTo(200);
        System.out.printf("[relay-it] graceful stop mid-stream: %d rows committed (%d while stopped), all arrived;"
                + " %d arrived more than once%n", committed.size(), whileStopped, repeated(committed));
    }

    /**
     * Issue 8's scenario: rows, then an idle relay past its heartbeats while other tables move the WAL, then a
     * clean stop. The slot must not be confirmed past the offsets file, and the relay must resume.
     */
    @Test
    @Order(7)
    void idlePastItsHeartbeatsThenStoppedTheSlotIsNotAheadOfTheOffsetsFileAndTheRelayResumes() throws Exception {
        UUID before = commitDelta("idle-poll");
        await().atMost(PATIENCE).until(() -> reader.arrived(before.toString()));
        long afterTheRow = database.currentWalLsn();
        for (int i = 0; i < 5; i++) {
            database.insertRejections(200);
            awaitHeartbeat();
        }
        // Idle (no tracked row, no WAL from other tables) for two more heartbeats before the stop.
        awaitHeartbeat();
        awaitHeartbeat();

        relay.stop();
        StoredOffset stored = StoredOffset.in(offsets, "votes-cdc-relay").orElseThrow();
        SlotState slot = database.slot(SLOT).orElseThrow();
        System.out.printf("[relay-it] after a clean stop: offsets file lsn_proc %s lsn_commit %s; slot confirmed %s,"
                        + " restart %s; server %s%n", SlotState.lsn(stored.processedLsn()), SlotState.lsn(stored.commitLsn()),
                SlotState.lsn(slot.confirmedFlushLsn()), SlotState.lsn(slot.restartLsn()), SlotState.lsn(slot.currentWalLsn()));
        assertThat(slot.confirmedFlushLsn()).as("slot confirmed vs. the offsets file")
                .isLessThanOrEqualTo(stored.confirmableLsn());
        assertThat(slot.restartLsn()).as("slot restart vs. the offsets file").isLessThanOrEqualTo(stored.processedLsn());
        assertThat(stored.confirmableLsn()).as("heartbeats carried the offset past the last tracked row")
                .isGreaterThan(afterTheRow);

        relay.start().awaitReady(READY);
        UUID after = commitDelta("idle-poll");
        await().atMost(PATIENCE).until(() -> reader.arrived(after.toString()));
    }

    @Test
    @Order(8)
    void postgresStoppedGracefullyMidStreamThenStartedTheRelayCatchesUpAndIsReadyAgain() throws Exception {
        Component postgres = stack.localStack().require("postgres");
        List<UUID> committed;
        int outages;
        try (DeltaStream stream = new DeltaStream(database, "pg-restart-poll");
             ReplicationSlots slotCheck = database.slotCheck(SLOT)) {
            awaitFlowing(stream);
            assertThat(slotCheck.state()).as("the slot check's reading on its held connection").isPresent();

            postgres.stop();
            await("the writer sees PostgreSQL gone").atMost(PATIENCE).until(() -> stream.outages() > 0);
            postgres.start();
            assertThat(slotCheck.state()).as("the first reading after the restart broke the held connection")
                    .isPresent();
            await().atMost(PATIENCE).until(() -> stream.committed().size() > 300 + 500);
            committed = List.copyOf(stream.committed());
            outages = stream.outages();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> allArrived(committed));
        relay.awaitReady(READY);
        assertThat(outages).as("the writer saw PostgreSQL go away").isPositive();
        System.out.printf("[relay-it] PostgreSQL stopped and started mid-stream: %d rows committed, all arrived;"
                + " %d arrived more than once; relay engine failures %.0f%n", committed.size(), repeated(committed),
                relay.metric("cdc_relay_engine_failures_total"));
    }

    @Test
    @Order(9)
    void whileOnlyUntrackedTablesChangeTheSlotStillFollowsTheServer() throws Exception {
        long start = database.currentWalLsn();
        int rows = 0;
        while (database.currentWalLsn() - start < 4 * 1024 * 1024) {
            rows += database.insertRejections(500);
        }
        long written = database.currentWalLsn();

        // Only heartbeat rows carry an LSN here: no tally_deltas or polls row is written.
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(database.slot(SLOT).orElseThrow().confirmedFlushLsn()).isGreaterThanOrEqualTo(written));
        SlotState slot = database.slot(SLOT).orElseThrow();
        System.out.printf("[relay-it] %d untracked rows wrote %d KiB of WAL; the slot was confirmed past it"
                + " (retains %d KiB now)%n", rows, (written - start) / 1024, slot.retainedBytes() / 1024);
    }

    @Test
    @Order(10)
    void slotLagMetricsFollowPgReplicationSlots() throws Exception {
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(relay.metric("cdc_relay_slot_exists")).isEqualTo(1);
            assertThat(relay.metric("cdc_relay_slot_active")).isEqualTo(1);
            assertThat(relay.metric("cdc_relay_slot_wal_status{status=\"reserved\"}")).isEqualTo(1);
            assertThat(relay.metric("cdc_relay_slot_wal_status{status=\"lost\"}")).isZero();
        });
        double lag = relay.metric("cdc_relay_slot_lag_bytes");
        double retained = relay.metric("cdc_relay_slot_retained_wal_bytes");
        // A streaming relay confirms within heartbeats: far below one 16 MiB WAL segment.
        assertThat(lag).isBetween(0.0, 16.0 * 1024 * 1024);
        assertThat(retained).isGreaterThanOrEqualTo(lag);
        assertThat(relay.metric("cdc_relay_resume_failed")).isZero();
        // NaN when PostgreSQL has no max_slot_wal_keep_size (safe_wal_size NULL), else PostgreSQL's own positive size.
        double safe = relay.metric("cdc_relay_slot_safe_wal_size_bytes");
        database.safeWalSize(SLOT).ifPresentOrElse(size -> assertThat(safe).isPositive(),
                () -> assertThat(safe).isNaN());
        System.out.printf("[relay-it] streaming relay's slot: lag %.0f KiB, retained %.0f KiB, safe WAL size %.0f%n",
                lag / 1024, retained / 1024, safe);
    }

    /**
     * The bug's state, made worse on purpose: while the relay is stopped a row is committed and the slot is then
     * confirmed past it (what pgjdbc's keepalive flush did). The relay must refuse loudly rather than skip the row,
     * and the documented reset must bring it back, row included.
     */
    @Test
    @Order(11)
    void slotConfirmedPastTheOffsetsFileIsRefusedLoudlyAndTheResetRecoversTheSkippedRow() throws Exception {
        assertThat(relay.reset()).as("--reset while the relay streams").isEqualTo(1);
        assertThat(database.slot(SLOT)).isPresent();

        relay.stop();
        UUID skipped = commitDelta("reset-poll");
        database.advanceSlotToNow(SLOT);
        relay.start();

        // ignoreExceptions: the relay's port opens a moment after the process starts.
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(relay.metric("cdc_relay_resume_failed")).isEqualTo(1);
            assertThat(refusals()).hasSizeGreaterThanOrEqualTo(3);
        });
        assertThat(relay.status("/q/health/ready")).isEqualTo(503);
        assertThat(relay.body("/q/health/ready")).contains("\"resumeRefused\":true", "cannot resume");
        List<String> refusals = refusals();
        assertThat(refusals.get(0)).contains("ERROR", "check 1 in a row", SLOT, CdcRelay.RESET);
        assertThat(refusals.get(2)).contains("check 3 in a row");
        assertThat(reader.arrived(skipped.toString())).isFalse();

        // The slot no longer moves: its lag is what the server writes, and the metric says so.
        database.insertRejections(5_000);
        long owed = database.slot(SLOT).orElseThrow().lagBytes();
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(relay.metric("cdc_relay_slot_lag_bytes")).isGreaterThanOrEqualTo(owed));

        relay.stop();
        assertThat(relay.reset()).isZero();
        assertThat(database.slot(SLOT)).isEmpty();
        assertThat(offsets).doesNotExist();
        relay.start().awaitReady(READY);

        await().atMost(PATIENCE).until(() -> reader.arrived(skipped.toString()));
        assertThat(relay.metric("cdc_relay_resume_failed")).isZero();
        System.out.printf("[relay-it] refused %d times with one line each, then --reset re-snapshotted: the row"
                + " committed in the gap arrived%n", refusals.size());
    }

    private List<String> refusals() throws java.io.IOException {
        return relay.logLines().stream().filter(line -> line.contains("cdc-relay cannot resume")).toList();
    }

    private static UUID commitDelta(String pollId) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = database.connect(); PreparedStatement insert = LedgerDatabase.deltaInsert(connection)) {
            LedgerDatabase.insertDelta(insert, id, pollId, "a", 1);
        }
        return id;
    }

    /** Rows are committed and reach Kafka: the moment to break something. */
    private static void awaitFlowing(DeltaStream stream) {
        await().atMost(PATIENCE).until(() -> stream.committed().size() > 300
                && reader.arrived(stream.committed().get(100).toString()));
    }

    private static void awaitRowsCommitted(DeltaStream stream, String when) {
        int from = stream.committed().size();
        await(ROWS_PER_PHASE + " rows committed " + when).atMost(PATIENCE)
                .until(() -> stream.committed().size() >= from + ROWS_PER_PHASE);
    }

    /** The relay handled one more heartbeat record (it marks them processed, and counts them as skipped). */
    private static void awaitHeartbeat() throws Exception {
        double before = relay.metric(SKIPPED);
        await("a relay heartbeat").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(relay.metric(SKIPPED)).as(SKIPPED).isGreaterThan(before));
    }

    private static boolean allArrived(List<UUID> committed) {
        return committed.stream().allMatch(id -> reader.arrived(id.toString()));
    }

    private static long repeated(List<UUID> committed) {
        return committed.stream().filter(id -> reader.copies(id.toString()) > 1).count();
    }

    private static List<TopicReader.Arrival> polls(String pollId) {
        return reader.arrivals(POLLS).stream().filter(a -> a.value().get("poll_id").asText().equals(pollId)).toList();
    }

    private static List<TopicReader.Arrival> deltasOf(String pollId) {
        return reader.arrivals(DELTAS).stream().filter(a -> a.value().get("poll_id").asText().equals(pollId)).toList();
    }

    private static void insertPoll(Connection connection, String pollId) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO polls (poll_id, title, options,"
                + " opens_at, closes_at, closed_at, created_at) VALUES (?, 'Keyed?', ?::jsonb, NULL, NULL, NULL, now())")) {
            insert.setString(1, pollId);
            insert.setString(2, "[{\"id\":\"a\",\"label\":\"Yes\"},{\"id\":\"b\",\"label\":\"No\"}]");
            insert.executeUpdate();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
