package votes.system.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.events.codec.EventCodec;
import votes.events.id.EventIds;
import votes.events.key.PartitionKeys;
import votes.events.poll.VotesVoided;
import votes.events.topic.Topics;
import votes.events.vote.VoteSubmitted;
import votes.infra.postgres.role.DatabaseLogin;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.stack.StackSettings;
import votes.infra.test.VoteStackExtension;
import votes.system.Audit;
import votes.system.StackCli;
import votes.system.VotesApi;

/**
 * Issue 8, item 6: {@code ./vote ledger rebuild} fills an empty database from votes.submitted and poll-events alone
 * and ends with the original's Merkle logs and checkpoints. A run through the gateway (a closed poll, duplicates at
 * the edge and in the log, late votes, a poison record with a NUL in its voter id, then two voids of recorded votes,
 * issue 11, which a rebuild applies before those votes exist), then the packaged CLI as a
 * process rebuilds into a new database; the two databases are compared row by row here, the audit replays the log
 * against the rebuilt one, and a receipt proven from the rebuilt one verifies against a copied checkpoint.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerRebuildIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    static final String DATABASE = "votes_rebuild_it";
    static final String SECOND_DATABASE = "votes_rebuild_it_again";
    static final int VOTERS = 40;
    static final long CLI_TIMEOUT_SECONDS = 300;
    static final Pattern GROUPS = Pattern.compile("--ledger-group (\\S+) --ledger-polls-group (\\S+)");
    static final List<String> TOPICS_OF_RECORD = List.of(Topics.VOTES_SUBMITTED, Topics.POLL_EVENTS,
            Topics.VOTES_DEAD_LETTER);

    static VotesApi api;
    static StackCli cli;
    static String closedPoll;
    static String openPoll;
    static final List<UUID> decided = new ArrayList<>();
    static UUID poison;
    static int duplicates;
    static Map<TopicPartition, Long> endsBefore;
    static StackCli.Run rebuild;
    static Map<TopicPartition, Long> endsAfter;
    static String votesGroup;
    static String pollsGroup;

    @BeforeAll
    static void aMixedRunThenARebuildIntoANewDatabase() throws Exception {
        api = new VotesApi(STACK.url());
        cli = new StackCli(STACK.stack().settings());
        String admin = STACK.token("rebuild-admin", "admin");
        closedPoll = api.createPoll(admin, "Closed before the rebuild", "a", "b", "c");
        openPoll = api.createPoll(admin, "Still open", "a", "b");

        List<CompletableFuture<VotesApi.Reply>> inFlight = new ArrayList<>();
        for (int i = 0; i < VOTERS; i++) {
            inFlight.add(api.voteAsync(STACK.token("rebuild-voter-" + i), i % 2 == 0 ? closedPoll : openPoll,
                    i % 3 == 0 ? "a" : "b"));
        }
        for (CompletableFuture<VotesApi.Reply> reply : inFlight) {
            assertThat(reply.join().status()).as(reply.join().body()).isEqualTo(202);
            decided.add(UUID.fromString(reply.join().json().get("receiptId").asText()));
        }
        // A second vote through the gateway: refused at the edge (409) when ingest's Redis knows the first, else
        // appended and rejected duplicate by the ledger.
        VotesApi.Reply again = api.vote(STACK.token("rebuild-voter-0"), closedPoll, "c", null);
        assertThat(again.status()).as(again.body()).isIn(202, 409);
        if (again.status() == 202) {
            decided.add(UUID.fromString(again.json().get("receiptId").asText()));
            duplicates++;
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // Second votes that reached the log anyway (an ingest without Redis): the ledger rejects them duplicate.
            for (int i = 0; i < 4; i++) {
                append(producer, i % 2 == 0 ? closedPoll : openPoll, STACK.voterIds().of("rebuild-voter-" + i), "a");
                duplicates++;
            }
            assertThat(api.closePoll(admin, closedPoll).status()).isEqualTo(200);
            // Late votes from an ingest that had not heard of the close: rejected poll-not-open.
            for (int i = 0; i < 3; i++) {
                append(producer, closedPoll, STACK.voterIds().of("rebuild-late-" + i), "a");
            }
            // Poison: PostgreSQL cannot store a NUL; rejected malformed and dead-lettered by the live ledger.
            poison = append(producer, openPoll, "nul\u0000voter", "a");
        }
        awaitSettled();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // Voids of recorded votes, as a confirmed review appends them (issue 11, item 4). The second names a
            // vote the first voided already: the first in offset order wins. A vote of the other poll is no vote
            // of this one and stays counted.
            List<UUID> open = List.of(decided.get(1), decided.get(3), decided.get(5), decided.get(7));
            appendVoid(producer, VotesVoided.of(EventIds.next(), openPoll, "flag-rebuild", "bot swarm",
                    List.of(open.get(0), open.get(1), open.get(2), decided.get(0)), Instant.now()));
            appendVoid(producer, VotesVoided.of(EventIds.next(), openPoll, "flag-rebuild", "second look",
                    List.of(open.get(2), open.get(3)), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                count("SELECT count(*) FROM vote_voids WHERE poll_id = '" + openPoll + "'") == 2);
        assertThat(rows("votes", "SELECT reason, voided_votes FROM vote_voids WHERE poll_id = '" + openPoll + "'"
                + " ORDER BY kafka_offset")).containsExactly("bot swarm|3", "second look|1");
        awaitSettled();
        endsBefore = ends();

        rebuild = cli.run(CLI_TIMEOUT_SECONDS, "ledger", "rebuild", "--database", DATABASE, "--keep-groups");

        endsAfter = ends();
        Matcher groups = GROUPS.matcher(rebuild.output());
        if (groups.find()) {
            votesGroup = groups.group(1);
            pollsGroup = groups.group(2);
        }
    }

    @AfterAll
    static void dropTheRebuiltDatabasesAndGroups() throws Exception {
        try (Connection db = connect("postgres"); Statement sql = db.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
            sql.execute("DROP DATABASE IF EXISTS " + SECOND_DATABASE);
        }
        if (votesGroup != null) {
            try (Admin admin = admin()) {
                admin.deleteConsumerGroups(List.of(votesGroup, pollsGroup, votesGroup + "-flags")).all()
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Order(1)
    void theRebuildExitsZeroAndSaysEveryLogCheckpointAndCountAgrees() {
        assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
        assertThat(rebuild.output()).contains(
                " 1. ✓ Merkle logs: same size and root",
                " 2. ✓ checkpoints: copied, and their roots are the rebuilt logs' roots",
                " 3. ✓ votes below the end offsets: same count per (poll, option)",
                " 4. ✓ rejections below the end offsets: same count per reason",
                " 5. ✓ polls: same rows",
                " 6. ✓ tally_deltas: same sums per (poll, option)",
                " 7. ✓ voids: the same per poll",
                "RESULT: the rebuilt ledger agrees with the original");
        assertThat(rebuild.output()).containsPattern("Rebuilt [0-9,]+ records of votes.submitted and [0-9]+ poll events in");
        assertThat(votesGroup).as("the audit command names the rebuild's groups").isNotNull();
    }

    @Test
    @Order(2)
    void theRebuiltDatabaseHoldsTheOriginalsLogsCheckpointsVotesRejectionsPollsAndTallies() throws Exception {
        List<String> merkle = rows("votes", "SELECT log_id, size, encode(root, 'hex') FROM merkle_logs WHERE size > 0"
                + " ORDER BY log_id");
        assertThat(merkle).as("logs with leaves").isNotEmpty();
        assertThat(rows(DATABASE, "SELECT log_id, size, encode(root, 'hex') FROM merkle_logs WHERE size > 0"
                + " ORDER BY log_id")).isEqualTo(merkle);

        String checkpoints = "SELECT sequence, origin, issued_at, body::text, encode(signature, 'hex'), key_id"
                + " FROM checkpoints ORDER BY sequence";
        assertThat(rows("votes", checkpoints)).isNotEmpty();
        assertThat(rows(DATABASE, checkpoints)).isEqualTo(rows("votes", checkpoints));

        for (String sql : List.of(
                "SELECT poll_id, voter_id, option_id, event_id, submitted_at, kafka_partition, kafka_offset, leaf_index"
                        + " FROM votes ORDER BY kafka_partition, kafka_offset",
                "SELECT event_id, poll_id, voter_id, option_id, reason, submitted_at, kafka_partition, kafka_offset"
                        + " FROM rejections ORDER BY kafka_partition, kafka_offset",
                "SELECT poll_id, title, options::text, opens_at, closes_at, closed_at, created_at FROM polls"
                        + " ORDER BY poll_id",
                "SELECT poll_id, option_id, sum(vote_count) FROM tally_deltas GROUP BY 1, 2 ORDER BY 1, 2",
                "SELECT event_id, voided_at, void_event_id, void_reason FROM votes WHERE voided_at IS NOT NULL"
                        + " ORDER BY event_id",
                "SELECT event_id, poll_id, reason, voided_at, named_votes, voided_votes, counted, kafka_partition,"
                        + " kafka_offset, log_id, leaf_index FROM vote_voids ORDER BY event_id")) {
            assertThat(rows(DATABASE, sql)).as(sql).isEqualTo(rows("votes", sql));
        }
        // This run's own rows (other tests share the stack and its log).
        String ours = " WHERE poll_id IN ('" + closedPoll + "', '" + openPoll + "')";
        assertThat(rows(DATABASE, "SELECT reason, count(*) FROM rejections" + ours + " GROUP BY 1 ORDER BY 1"))
                .containsExactly("duplicate|" + duplicates, "malformed|1", "poll-not-open|3");
        assertThat(rows(DATABASE, "SELECT count(*) FROM votes" + ours)).containsExactly(Integer.toString(VOTERS));
        assertThat(rows(DATABASE, "SELECT void_reason, count(*) FROM votes" + ours + " AND voided_at IS NOT NULL"
                + " GROUP BY 1 ORDER BY 1")).containsExactly("bot swarm|3", "second look|1");
        assertThat(rows(DATABASE, "SELECT closed_at IS NOT NULL FROM polls WHERE poll_id = '" + closedPoll + "'"))
                .containsExactly("t");
        // The rebuilt ledger wrote deltas of its own: new ids, the same sums.
        assertThat(rows(DATABASE, "SELECT delta_id FROM tally_deltas"))
                .doesNotContainAnyElementsOf(rows("votes", "SELECT delta_id FROM tally_deltas"));
    }

    @Test
    @Order(2)
    void theRebuildAppendedNothingToAnyTopicOfRecord() {
        assertThat(endsAfter).isEqualTo(endsBefore);
    }

    @Test
    @Order(3)
    void theAuditReplayOfTheLogAgainstTheRebuiltDatabaseHoldsEveryCheck() {
        String[] replay = audit("replay", "--no-progress", "--ledger-group", votesGroup, "--ledger-polls-group",
                pollsGroup);

        assertThat(replay[0]).as(replay[1] + replay[2]).isEqualTo("0");
        assertThat(replay[1]).contains("10. ✓ Merkle logs", "11. ✓ checkpoints", "13. ✓ every poison record",
                "14. ✓ voids applied", "RESULT: all 14 checks hold");
    }

    @Test
    @Order(3)
    void aReceiptProvenFromTheRebuiltDatabaseVerifiesAgainstACopiedCheckpoint() {
        String[] verified = audit("verify-receipt", decided.get(1).toString());

        assertThat(verified[0]).as(verified[1] + verified[2]).isEqualTo("0");
        assertThat(verified[1]).contains("the inclusion proof leads from the leaf to the checkpoint's root");
    }

    @Test
    @Order(4)
    void aRebuildIntoADatabaseThatExistsCannotRunAndStartsNothing() {
        StackCli.Run again = cli.run(CLI_TIMEOUT_SECONDS, "ledger", "rebuild", "--database", DATABASE);

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.output()).contains("could not run", "database " + DATABASE + " exists")
                .doesNotContain("rebuilding ledger ready");
    }

    @Test
    @Order(5)
    void withoutKeepGroupsTheRebuildDeletesItsConsumerGroups() throws Exception {
        List<String> before = groups();

        StackCli.Run second = cli.run(CLI_TIMEOUT_SECONDS, "ledger", "rebuild", "--database", SECOND_DATABASE);

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("deleted", "run the rebuild with --keep-groups");
        assertThat(groups()).isEqualTo(before);
        assertThat(rows(SECOND_DATABASE, "SELECT log_id, size, encode(root, 'hex') FROM merkle_logs WHERE size > 0"
                + " ORDER BY log_id")).isEqualTo(rows(DATABASE, "SELECT log_id, size, encode(root, 'hex')"
                + " FROM merkle_logs WHERE size > 0 ORDER BY log_id"));
    }

    // --- the run ---

    static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.putAll(STACK.kafkaClientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** A vote appended as ingest appends it (key = poll + voter); its event id is expected to be decided. */
    static UUID append(KafkaProducer<String, byte[]> producer, String poll, String voter, String option)
            throws Exception {
        VoteSubmitted vote = VoteSubmitted.of(UUID.randomUUID(), poll, voter, option, Instant.now(), null, null);
        producer.send(new ProducerRecord<>(Topics.VOTES_SUBMITTED, PartitionKeys.vote(poll, voter),
                EventCodec.encode(vote))).get(10, TimeUnit.SECONDS);
        decided.add(vote.eventId());
        return vote.eventId();
    }

    static void appendVoid(KafkaProducer<String, byte[]> producer, VotesVoided voided) throws Exception {
        producer.send(new ProducerRecord<>(Topics.POLL_EVENTS, PartitionKeys.poll(voided.pollId()),
                EventCodec.encode(voided))).get(10, TimeUnit.SECONDS);
    }

    /** Every appended vote decided by the live ledger, and a checkpoint that covers every log as it ends. */
    static void awaitSettled() throws SQLException {
        String ids = decided.stream().map(UUID::toString).collect(Collectors.joining(","));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                count("SELECT (SELECT count(*) FROM votes WHERE event_id = ANY('{" + ids + "}'::uuid[]))"
                        + " + (SELECT count(*) FROM rejections WHERE event_id = ANY('{" + ids + "}'::uuid[]))")
                        == decided.size());
        assertThat(count("SELECT count(*) FROM rejections WHERE reason = 'malformed' AND event_id = '" + poison + "'"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                count("SELECT count(*) FROM merkle_logs m WHERE m.size > 0 AND NOT EXISTS (SELECT 1 FROM checkpoints c,"
                        + " jsonb_array_elements(c.body) h WHERE c.sequence = (SELECT max(sequence) FROM checkpoints)"
                        + " AND (h->>'log')::int = m.log_id AND (h->>'size')::bigint = m.size)") == 0);
    }

    /** End offsets of votes.submitted, poll-events and votes.dead-letter. */
    static Map<TopicPartition, Long> ends() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(TOPICS_OF_RECORD).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, info) ->
                    info.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                            OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        }
    }

    static List<String> groups() throws Exception {
        try (Admin admin = admin()) {
            return admin.listGroups().all().get(30, TimeUnit.SECONDS).stream().map(GroupListing::groupId).sorted()
                    .toList();
        }
    }

    static Admin admin() {
        return Admin.create(STACK.kafkaClientProperties());
    }

    // --- the audit, in this JVM, pointed at the rebuilt database ---

    /** @return exit code, stdout, stderr */
    static String[] audit(String... args) {
        Audit.Run run = Audit.run(STACK, DATABASE, args);
        return new String[] {Integer.toString(run.exitCode()), run.out(), run.err()};
    }

    // --- SQL, as an operator would look ---

    static String jdbcUrl(String database) {
        return Audit.jdbcUrl(STACK, database);
    }

    /** As the owner: the test drops the rebuilt databases it made (an operator would, as PGURL_ADMIN). */
    static Connection connect(String database) throws SQLException {
        DatabaseLogin owner = STACK.stack().pgLogin(DatabaseRole.OWNER);
        return DriverManager.getConnection(jdbcUrl(database), owner.user(), owner.password());
    }

    static long count(String sql) throws SQLException {
        return Long.parseLong(rows("votes", sql).get(0));
    }

    /** Every row of the query as its columns joined by '|'. */
    static List<String> rows(String database, String sql) throws SQLException {
        try (Connection db = connect(database); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringJoiner row = new StringJoiner("|");
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rows.getString(i)));
                }
                result.add(row.toString());
            }
            return result;
        }
    }
}
