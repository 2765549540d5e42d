package votes.audit.it;

import votes.infra.kafka.security.KafkaPrincipal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import votes.events.codec.EventCodec;
import votes.events.key.PartitionKeys;
import votes.events.poll.VotesVoided;
import votes.events.topic.Topics;
import votes.events.vote.VoteSubmitted;
import votes.infra.postgres.role.DatabaseLogin;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.stack.StackSettings;
import votes.infra.test.VoteStackExtension;

/**
 * The audit CLI against the whole stack (services as processes behind the gateway): a mixed run of valid votes,
 * duplicates and late votes, then replay, receipts, consistency, export, and tampering done the way an insider
 * would, with psql. The CLI runs in this JVM (AuditCli.run); one test runs the packaged jar as a process.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditOnTheStackIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static String closedPoll;
    static String openPoll;
    static final List<UUID> accepted = new ArrayList<>();
    static final Map<UUID, String> tokenOf = new HashMap<>();
    static final int VOTE_ATTEMPTS = 10;
    /** The votes the run's voids void. */
    static List<UUID> voidedByTheRun = List.of();

    @BeforeAll
    static void aMixedRun() throws Exception {
        String admin = STACK.token("auditor-admin", "admin");
        closedPoll = createPoll(admin, "Closed after the run");
        openPoll = createPoll(admin, "Still open");
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String token = STACK.token("voter-" + i);
            String poll = i % 3 == 0 ? openPoll : closedPoll;
            inFlight.add(vote(token, poll, i % 2 == 0 ? "a" : "b"));
        }
        // One voter hammering: the Redis fast path lets a few through, the ledger records one and rejects the rest.
        String hammer = STACK.token("hammer");
        for (int i = 0; i < 20; i++) {
            inFlight.add(vote(hammer, closedPoll, i % 2 == 0 ? "a" : "c"));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        // The consistency check needs two checkpoints. A burst recorded within one publish interval yields only one,
        // so one more vote after the first checkpoint moves the logs again and guarantees a later one.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> count("SELECT count(*) FROM checkpoints") > 0);
        vote(STACK.token("after-the-first-checkpoint"), openPoll, "c").join();
        HttpResponse<String> closed = HTTP.send(request("/api/v1/polls/" + closedPoll + "/close", admin)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(closed.statusCode()).isEqualTo(200);
        // The API refuses votes after the close; a late vote still reaches the log from an ingest that had not yet
        // heard of the close. Appended as ingest would, it must end as a rejection (poll-not-open).
        lateVotes(3);
        // Poison in the middle of the log: the ledger dead-letters it (rejecting malformed what carries an event id),
        // and the replay must reach the very same verdicts.
        poison();
        awaitSettled();
        // Fraud reviews (issue 11): voids appended to poll-events as the review does, after the votes they name.
        voids();
        awaitSettled();
    }

    /**
     * Two votes of the closed poll voided by a void dated before its close (confirmed then, appended now) that also
     * names an unknown id; one vote of the open poll voided; a void of the closed poll dated after its close (it
     * changes nothing, and is a leaf all the same).
     */
    static void voids() throws Exception {
        Instant closedAt = Instant.EPOCH.plus(count("SELECT (extract(epoch FROM closed_at) * 1000000)::bigint FROM"
                + " polls WHERE poll_id = '" + closedPoll + "'"), ChronoUnit.MICROS);
        List<UUID> closed = recordedEvents(closedPoll, 2);
        voidedByTheRun = new ArrayList<>(closed);
        List<UUID> named = new ArrayList<>(closed);
        named.add(UUID.randomUUID());
        List<UUID> open = recordedEvents(openPoll, 1);
        voidedByTheRun.addAll(open);
        Properties props = new Properties();
        props.putAll(STACK.kafkaClientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (VotesVoided v : List.of(
                    VotesVoided.of(UUID.randomUUID(), closedPoll, "flag-1", "bot swarm", named, closedAt.minusSeconds(1)),
                    VotesVoided.of(UUID.randomUUID(), openPoll, "flag-2", "one address", open, Instant.now()),
                    VotesVoided.of(UUID.randomUUID(), closedPoll, "flag-3", "too late", recordedEvents(closedPoll, 3),
                            closedAt.plusSeconds(1)))) {
                producer.send(new ProducerRecord<>(Topics.POLL_EVENTS, PartitionKeys.poll(v.pollId()),
                        EventCodec.encode(v))).get(10, TimeUnit.SECONDS);
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> count("SELECT count(*) FROM vote_voids") == 3);
        List<UUID> marked = new ArrayList<>();
        try (Connection db = db(); PreparedStatement q = db.prepareStatement("SELECT event_id FROM votes WHERE voided_at"
                + " IS NOT NULL"); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                marked.add(rs.getObject(1, UUID.class));
            }
        }
        assertThat(marked).as("the ledger voided the votes the counted voids name").containsExactlyInAnyOrderElementsOf(
                voidedByTheRun);
    }

    /** The first {@code n} recorded votes of the poll, in log order. */
    static List<UUID> recordedEvents(String poll, int n) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection db = db(); PreparedStatement q = db.prepareStatement("SELECT event_id FROM votes WHERE poll_id"
                + " = ? ORDER BY kafka_partition, kafka_offset LIMIT ?")) {
            q.setString(1, poll);
            q.setInt(2, n);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    @Test
    @Order(1)
    void aReplayOfTheMixedRunFindsEverythingHolds() {
        AuditRun run = AuditRun.of(args("replay", "--no-progress"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(" 1. ✓ every vote in the log is in the ledger", " 7. ✓ no voter recorded twice",
                " 8. ✓ tallies = ledger", "10. ✓ Merkle logs", "11. ✓ checkpoints", "12. ✓ every vote is keyed by (poll, voter)",
                "13. ✓ every poison record is in votes.dead-letter", "14. ✓ voids applied as the log says",
                "3 voids in poll-events (0 re-appended), 3 audited: 2 counted, 3 votes voided", "RESULT: all 14 checks hold");
        assertThat(run.out()).doesNotContain("✗", "!");
    }

    @Test
    @Order(2)
    void onePollAndJsonForMachines() throws IOException {
        AuditRun run = AuditRun.of(args("replay", "--no-progress", "--json", "--poll", closedPoll));

        assertThat(run.exitCode()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("exitCode").asInt()).isZero();
        assertThat(report.get("poll").asText()).isEqualTo(closedPoll);
        assertThat(report.get("checks")).hasSize(14);
        assertThat(report.at("/checks/2/checked").asLong()).as("rejections of the closed poll").isGreaterThanOrEqualTo(3);
        assertThat(report.at("/tallies").has(openPoll)).isFalse();
    }

    @Test
    @Order(3)
    void aReceiptFromTheApiVerifiesOfflineAndAForgedOneDoesNot(@TempDir Path dir) throws Exception {
        JsonNode receipt = receiptWithAProof();
        Path file = dir.resolve("receipt.json");
        Files.writeString(file, receipt.toString());

        AuditRun good = AuditRun.of("verify-receipt", file.toString(), "--public-key", publicKey());
        assertThat(good.exitCode()).as(good.out() + good.err()).isZero();
        assertThat(good.out()).contains("5. ✓ the inclusion proof leads from the leaf to the checkpoint's root");

        ObjectNode forged = receipt.deepCopy();
        ArrayNode proof = (ArrayNode) forged.with("chain").get("inclusionProof");
        String hash = proof.get(0).asText();
        proof.set(0, JSON.getNodeFactory().textNode((hash.charAt(0) == '0' ? "1" : "0") + hash.substring(1)));
        Path forgedFile = dir.resolve("forged.json");
        Files.writeString(forgedFile, forged.toString());

        AuditRun bad = AuditRun.of("verify-receipt", forgedFile.toString(), "--public-key", publicKey());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("5. ✗ the inclusion proof");

        // By id with the voter's token: fetched from the API through the gateway.
        String id = receipt.get("receiptId").asText();
        AuditRun viaApi = AuditRun.of("verify-receipt", id, "--url", STACK.url(), "--token",
                tokenOf.get(UUID.fromString(id)), "--public-key", publicKey());
        assertThat(viaApi.exitCode()).as(viaApi.out() + viaApi.err()).isZero();

        // Someone else's token: the API answers 404 as for an unknown receipt, so nothing could be checked.
        AuditRun wrongToken = AuditRun.of("verify-receipt", id, "--url", STACK.url(), "--token",
                STACK.token("someone-else"), "--public-key", publicKey());
        assertThat(wrongToken.exitCode()).isEqualTo(2);
        assertThat(wrongToken.err()).contains("could not check receipt " + id, "404");

        // By id, without a token: rebuilt from PostgreSQL (row, checkpoint, proof from the stored tiles).
        AuditRun byId = AuditRun.of(args("verify-receipt", receipt.get("receiptId").asText()));
        assertThat(byId.exitCode()).as(byId.out() + byId.err()).isZero();
    }

    @Test
    @Order(3)
    void anUnknownPollCannotBeAudited() {
        AuditRun run = AuditRun.of(args("replay", "--no-progress", "--poll", "no-such-poll"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no poll no-such-poll");
    }

    @Test
    @Order(3)
    void anUnreachableBrokerEndsTheAuditAfterTheTimeout() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();

        AuditRun run = AuditRun.of("replay", "--no-progress", "--kafka", "127.0.0.1:" + closedPort, "--timeout", "3",
                "--pg-url", STACK.jdbcUrl(), "--pg-user", reader().user(), "--pg-password", reader().password(),
                "--public-key", publicKey());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("could not run");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    @Order(4)
    void twoCheckpointsProveConsistent() throws Exception {
        long[] range = checkpointRange();
        assertThat(range[1]).as("at least two checkpoints").isGreaterThan(range[0]);

        AuditRun run = AuditRun.of(args("consistency", Long.toString(range[0]), Long.toString(range[1])));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("3. ✓ every log of the new checkpoint extends the old one");
    }

    @Test
    @Order(4)
    void aForgedCheckpointFailsWhetherMalformedOrBeyondWhatTheLedgerCanProve(@TempDir Path dir) throws Exception {
        HttpResponse<String> latest = HTTP.send(request("/api/v1/checkpoints/latest", STACK.token("auditor-1", "auditor"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(latest.statusCode()).as(latest.body()).isEqualTo(200);
        ObjectNode checkpoint = (ObjectNode) JSON.readTree(latest.body());
        int index = 0;
        while (checkpoint.at("/checkpoint/logs").get(index).get("size").asLong() == 0) {
            index++; // a log with leaves: from the empty tree there is nothing to prove
        }
        ObjectNode head = (ObjectNode) checkpoint.at("/checkpoint/logs").get(index);
        String first = Long.toString(checkpointRange()[0]);
        String sequence = checkpoint.at("/checkpoint/sequence").asText();

        ObjectNode malformed = checkpoint.deepCopy();
        ((ObjectNode) malformed.at("/checkpoint/logs").get(index)).put("root", head.get("root").asText().toUpperCase() + "\n");
        Path malformedFile = dir.resolve("malformed.json");
        Files.writeString(malformedFile, malformed.toString());
        AuditRun bad = AuditRun.of(args("consistency", first, malformedFile.toString()));
        assertThat(bad.exitCode()).as(bad.out() + bad.err()).isEqualTo(1);
        assertThat(bad.out()).contains("2. ✗ the new checkpoint is signed", "not a well-formed signed checkpoint");

        ObjectNode longer = checkpoint.deepCopy();
        ((ObjectNode) longer.at("/checkpoint/logs").get(index)).put("size", head.get("size").asLong() + 1000);
        Path longerFile = dir.resolve("longer.json");
        Files.writeString(longerFile, longer.toString());
        AuditRun unprovable = AuditRun.of(args("consistency", sequence, longerFile.toString()));
        assertThat(unprovable.exitCode()).as(unprovable.out() + unprovable.err()).isEqualTo(1);
        assertThat(unprovable.out()).contains("3. ✗ every log of the new checkpoint extends the old one",
                "log " + head.get("log").asInt() + ": the ledger cannot prove size " + (head.get("size").asLong() + 1000));
    }

    @Test
    @Order(5)
    void theExportListsEveryEntryOfThePoll(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("poll.csv");

        AuditRun run = AuditRun.of(args("export", "--poll", closedPoll, "--format", "csv", "--output", csv.toString(),
                "--no-progress"));

        assertThat(run.exitCode()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("status,eventId,pollId").endsWith(",voidedAt,voidReason");
        assertThat(lines).as("the closed poll's voided votes, with the void").filteredOn(l -> l.endsWith(",bot swarm"))
                .hasSize(2);
        assertThat(lines).hasSize(1 + (int) count("SELECT count(*) FROM votes WHERE poll_id = '" + closedPoll + "'")
                + (int) count("SELECT count(*) FROM rejections WHERE poll_id = '" + closedPoll + "'"));
    }

    @Test
    @Order(6)
    void theJarRunAsAProcessAgrees() throws Exception {
        Path root = StackSettings.findRepoRoot(Path.of(""));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", root.resolve("audit/target/votes-audit.jar") + ":" + root.resolve("audit/target/lib") + "/*",
                "votes.audit.AuditCli"));
        command.addAll(List.of(args("replay", "--json", "--no-progress")));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(out).isZero();
        // accepted holds the malformed vote's event id too: the replay counts it as poison, not as a vote.
        JsonNode counts = JSON.readTree(out).at("/counts");
        assertThat(counts.get("events").asLong() + counts.get("poison").asLong()).isGreaterThanOrEqualTo(accepted.size());
    }

    @Test
    @Order(10)
    void aChangedOptionIsCaughtAndNamed() throws Exception {
        UUID victim = recordedEvent(closedPoll);
        String option = scalar("SELECT option_id FROM votes WHERE event_id = '" + victim + "'");
        String other = option.equals("a") ? "b" : "a";
        Psql psql = psql();
        psql.run("UPDATE votes SET option_id = '" + other + "' WHERE event_id = '" + victim + "'");
        try {
            AuditRun run = AuditRun.of(args("replay", "--no-progress"));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains(" 2. ✗ every recorded vote is the one the rule records")
                    .contains("first: event " + victim).contains("option_id expected " + option + ", found " + other)
                    .contains(" 8. ✗ tallies", "10. ✗ Merkle logs", "RESULT: DISCREPANCY");
        } finally {
            psql.run("UPDATE votes SET option_id = '" + option + "' WHERE event_id = '" + victim + "'");
        }
        assertThat(AuditRun.of(args("replay", "--no-progress")).exitCode()).as("restored").isZero();
    }

    @Test
    @Order(11)
    void aDeletedVoteIsCaughtAndNamed() throws Exception {
        UUID victim = recordedEvent(openPoll);
        Psql psql = psql();
        psql.run("CREATE TABLE audit_it_deleted AS SELECT * FROM votes WHERE event_id = '" + victim + "';"
                + " DELETE FROM votes WHERE event_id = '" + victim + "'");
        try {
            AuditRun run = AuditRun.of(args("replay", "--no-progress"));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains(" 1. ✗ every vote in the log is in the ledger")
                    .contains("first: event " + victim + ", poll " + openPoll)
                    .contains("found in neither votes nor rejections", "10. ✗ Merkle logs");
        } finally {
            psql.run("INSERT INTO votes SELECT * FROM audit_it_deleted; DROP TABLE audit_it_deleted");
        }
        assertThat(AuditRun.of(args("replay", "--no-progress")).exitCode()).as("restored").isZero();
    }

    @Test
    @Order(12)
    void aVoidUndoneBehindTheLogsBackIsCaughtAndNamed() throws Exception {
        UUID victim = voidedByTheRun.get(0);
        Psql psql = psql();
        psql.run("CREATE TABLE audit_it_unvoided AS SELECT event_id, voided_at, void_event_id, void_reason FROM votes"
                + " WHERE event_id = '" + victim + "'; UPDATE votes SET voided_at = NULL, void_event_id = NULL,"
                + " void_reason = NULL WHERE event_id = '" + victim + "'");
        try {
            AuditRun run = AuditRun.of(args("replay", "--no-progress"));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("14. ✗ voids applied as the log says")
                    .contains("first: event " + victim + ", poll " + closedPoll)
                    .contains("per the log, the ledger counts it", " 8. ✗ tallies", "RESULT: DISCREPANCY");
        } finally {
            psql.run("UPDATE votes v SET voided_at = u.voided_at, void_event_id = u.void_event_id, void_reason ="
                    + " u.void_reason FROM audit_it_unvoided u WHERE v.event_id = u.event_id; DROP TABLE audit_it_unvoided");
        }
        assertThat(AuditRun.of(args("replay", "--no-progress")).exitCode()).as("restored").isZero();
    }

    // --- the mixed run ---

    static String createPoll(String admin, String title) throws Exception {
        HttpResponse<String> created = HTTP.send(request("/api/v1/polls", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\",\"options\":[{\"id\":\"a\",\"label\":\"A\"},"
                        + "{\"id\":\"b\",\"label\":\"B\"},{\"id\":\"c\",\"label\":\"C\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("pollId").asText();
    }

    static CompletableFuture<Void> vote(String token, String poll, String option) {
        return vote(token, poll, option, UUID.randomUUID().toString(), VOTE_ATTEMPTS);
    }

    /**
     * As a client should: a 503 (shed, or the log did not ack in time) is retried with the same Idempotency-Key, so
     * on a loaded machine the run still holds receipts for the votes that landed (the later tests need some).
     */
    static CompletableFuture<Void> vote(String token, String poll, String option, String key, int attempts) {
        return HTTP.sendAsync(request("/api/v1/polls/" + poll + "/votes", token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"optionId\":\"" + option + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).thenCompose(reply -> {
                    if (reply.statusCode() == 503 && attempts > 1) {
                        return CompletableFuture.supplyAsync(() -> null,
                                        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                                .thenCompose(ignored -> vote(token, poll, option, key, attempts - 1));
                    }
                    if (reply.statusCode() == 202) {
                        try {
                            UUID id = UUID.fromString(JSON.readTree(reply.body()).get("receiptId").asText());
                            synchronized (accepted) {
                                accepted.add(id);
                                tokenOf.put(id, token);
                            }
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return CompletableFuture.<Void>completedFuture(null);
                });
    }

    static void lateVotes(int n) throws Exception {
        Properties props = new Properties();
        props.putAll(STACK.kafkaClientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                String voter = STACK.voterIds().of("late-" + i);
                VoteSubmitted vote = VoteSubmitted.of(UUID.randomUUID(), closedPoll, voter, "a", Instant.now(), null, null);
                producer.send(new ProducerRecord<>("votes.submitted", PartitionKeys.vote(closedPoll, voter),
                        EventCodec.encode(vote))).get(10, TimeUnit.SECONDS);
                accepted.add(vote.eventId());
            }
        }
    }

    /** A vote whose voter id holds a NUL byte, bytes that are no JSON, and a vote of a schema version to come. */
    static void poison() throws Exception {
        Properties props = new Properties();
        props.putAll(STACK.kafkaClientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            VoteSubmitted nul = VoteSubmitted.of(UUID.randomUUID(), openPoll, "nul\u0000voter", "a", Instant.now(), null, null);
            producer.send(new ProducerRecord<>("votes.submitted", PartitionKeys.vote(openPoll, "nul"),
                    EventCodec.encode(nul))).get(10, TimeUnit.SECONDS);
            accepted.add(nul.eventId());
            producer.send(new ProducerRecord<>("votes.submitted", "garbage",
                    "<html>no vote</html>".getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("votes.submitted", "newer", ("{\"schemaVersion\":2,\"eventId\":\""
                    + UUID.randomUUID() + "\",\"pollId\":\"" + openPoll + "\"}").getBytes(StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    /** Every accepted vote decided, the tallies published, and a checkpoint covering every log. */
    static void awaitSettled() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                count("SELECT count(*) FROM votes WHERE event_id = ANY('{" + ids() + "}'::uuid[])")
                        + count("SELECT count(*) FROM rejections WHERE event_id = ANY('{" + ids() + "}'::uuid[])")
                        == accepted.size());
        assertThat(count("SELECT count(*) FROM rejections WHERE reason = 'poll-not-open' AND poll_id = '" + closedPoll + "'"))
                .isEqualTo(3);
        for (String poll : List.of(closedPoll, openPoll)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                    results(poll) == count("SELECT count(*) FROM votes WHERE voided_at IS NULL AND poll_id = '"
                            + poll + "'"));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                count("SELECT count(*) FROM merkle_logs m WHERE NOT EXISTS (SELECT 1 FROM checkpoints c,"
                        + " jsonb_array_elements(c.body) h WHERE c.sequence = (SELECT max(sequence) FROM checkpoints)"
                        + " AND (h->>'log')::int = m.log_id AND (h->>'size')::bigint = m.size)") == 0);
    }

    static long results(String poll) throws Exception {
        HttpResponse<String> reply = HTTP.send(request("/api/v1/polls/" + poll + "/results", null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return reply.statusCode() == 200 ? JSON.readTree(reply.body()).get("totalVotes").asLong() : -1;
    }

    /** A recorded receipt, as its voter fetches it, whose proof has at least one hash. */
    static JsonNode receiptWithAProof() throws Exception {
        for (UUID id : List.copyOf(accepted)) {
            String token = tokenOf.get(id);
            if (token == null) {
                continue;
            }
            HttpResponse<String> reply = HTTP.send(request("/api/v1/receipts/" + id, token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode receipt = JSON.readTree(reply.body());
            if (reply.statusCode() == 200 && "recorded".equals(receipt.path("status").asText())
                    && receipt.path("chain").path("inclusionProof").size() > 0) {
                return receipt;
            }
        }
        throw new AssertionError("no recorded receipt with a non-empty inclusion proof");
    }

    // --- helpers ---

    static String[] args(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of("--kafka", STACK.kafkaBootstrap(), "--kafka-config",
                STACK.kafkaClientConfigFile(KafkaPrincipal.AUDIT), "--pg-url", STACK.jdbcUrl(), "--pg-user", reader().user(),
                "--pg-password", reader().password(), "--public-key", publicKey()));
        if (command[0].equals("replay")) {
            all.addAll(List.of("--settle", "20"));
        }
        return all.toArray(String[]::new);
    }

    /** The audit reads as the read-only role, as ./vote audit does with PGURL. */
    static DatabaseLogin reader() {
        return STACK.stack().pgLogin(DatabaseRole.READER);
    }

    /** The tampering below is the owner's (an insider with the schema's role): the audit must still catch it. */
    static Psql psql() {
        return Psql.of(STACK.stack().settings().pgUrl(DatabaseRole.OWNER));
    }

    static String publicKey() {
        return STACK.stack().settings().keysDir().resolve("checkpoint-public.pem").toString();
    }

    static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(STACK.url() + path)).timeout(Duration.ofSeconds(30));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    static String ids() {
        synchronized (accepted) {
            return String.join(",", accepted.stream().map(UUID::toString).toList());
        }
    }

    static UUID recordedEvent(String poll) throws SQLException {
        return UUID.fromString(scalar("SELECT event_id::text FROM votes WHERE poll_id = '" + poll
                + "' ORDER BY kafka_partition, leaf_index LIMIT 1 OFFSET 1"));
    }

    static long[] checkpointRange() throws SQLException {
        return new long[] {Long.parseLong(scalar("SELECT min(sequence)::text FROM checkpoints")),
                Long.parseLong(scalar("SELECT max(sequence)::text FROM checkpoints"))};
    }

    static Connection db() throws SQLException {
        return STACK.stack().connect(DatabaseRole.READER);
    }

    static long count(String sql) throws SQLException {
        return Long.parseLong(scalar(sql));
    }

    static String scalar(String sql) throws SQLException {
        try (Connection db = db(); PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
