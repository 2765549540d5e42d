package votes.ledger.voiding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LONG;
import static org.awaitility.Awaitility.await;
import static votes.ledger.LedgerFixture.admin;
import static votes.ledger.LedgerFixture.append;
import static votes.ledger.LedgerFixture.createPoll;
import static votes.ledger.LedgerFixture.newSubject;
import static votes.ledger.LedgerFixture.patience;
import static votes.ledger.LedgerFixture.token;
import static votes.ledger.LedgerFixture.vote;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.export.ExportLine;
import votes.events.id.EventIds;
import votes.events.poll.VotesVoided;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerTables;
import votes.ledger.checkpoint.CheckpointStore;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.proofs.merkle.InclusionProof;
import votes.proofs.merkle.VoidLeaf;
import votes.proofs.receipt.ReceiptView;

/**
 * A {@code VotesVoided} appended to poll-events, applied by the ledger on the real stack: the named recorded votes
 * are voided (rows kept), tallies go down by exactly those votes, the void is a leaf of its own log, redelivery is a
 * no-op, a void after the close changes no vote, receipts and the export say voided.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class VoidIT {

    private static final String REASON = "bot swarm from 127.9.0.0/24";

    @Inject
    Pool pool;

    @Inject
    CheckpointStore checkpoints;

    /** One vote row's void columns. */
    private record VoidColumns(UUID eventId, String optionId, Instant voidedAt, UUID voidEventId, String reason) {
    }

    /** A vote_voids row. */
    private record VoidRow(int named, int voided, boolean counted, int partition, long offset, int logId,
                           long leafIndex, Instant voidedAt) {
    }

    @Test
    void aCountedVoidVoidsExactlyTheNamedRecordedVotesKeepsTheirRowsAndSubtractsThemPerOption() {
        String pollId = createPoll();
        List<VoteSubmitted> votes = castAndRecord(pollId, "a", "a", "a", "b", "b", "b");
        LedgerTables tables = new LedgerTables(pool);
        VoteSubmitted duplicate = vote(pollId, "not-a-subject", "a", Instant.now());
        long deltaRowsBefore = tables.deltaRows(pollId);
        List<UUID> named = List.of(votes.get(0).eventId(), votes.get(1).eventId(), votes.get(3).eventId(),
                duplicate.eventId(), EventIds.next());
        VotesVoided voided = VotesVoided.of(EventIds.next(), pollId, "flag-1", REASON, named, Instant.now());

        RecordMetadata at = append(voided);
        VoidRow row = awaitVoid(voided.eventId());

        assertThat(row).isEqualTo(new VoidRow(5, 3, true, at.partition(), at.offset(),
                VoidLeaf.logId(at.partition()), row.leafIndex(), voided.voidedAt().truncatedTo(ChronoUnit.MICROS)));
        List<VoidColumns> columns = voidColumns(pollId);
        assertThat(columns).as("every vote row is kept").hasSize(6);
        List<UUID> voidedIds = List.of(votes.get(0).eventId(), votes.get(1).eventId(), votes.get(3).eventId());
        assertThat(columns).filteredOn(vote -> voidedIds.contains(vote.eventId())).hasSize(3).allSatisfy(vote -> {
            assertThat(vote.voidEventId()).isEqualTo(voided.eventId());
            assertThat(vote.reason()).isEqualTo(REASON);
            assertThat(vote.voidedAt()).isEqualTo(voided.voidedAt().truncatedTo(ChronoUnit.MICROS));
        });
        assertThat(columns).filteredOn(vote -> !voidedIds.contains(vote.eventId())).hasSize(3)
                .allSatisfy(vote -> assertThat(vote.voidedAt()).isNull())
                .allSatisfy(vote -> assertThat(vote.voidEventId()).isNull());
        assertThat(tables.deltaSums(pollId)).isEqualTo(Map.of("a", 1L, "b", 2L));
        assertThat(negativeDeltas(pollId)).containsExactlyInAnyOrderEntriesOf(Map.of("a", -2L, "b", -1L));
        assertThat(tables.deltaRows(pollId)).isEqualTo(deltaRowsBefore + 2);
    }

    @Test
    void aReappendedVoidChangesNothingAndAVoteIsVoidedOnlyOnce() {
        String pollId = createPoll();
        List<VoteSubmitted> votes = castAndRecord(pollId, "a", "b");
        LedgerTables tables = new LedgerTables(pool);
        VotesVoided voided = VotesVoided.of(EventIds.next(), pollId, "flag-2", REASON,
                List.of(votes.get(0).eventId()), Instant.now());
        append(voided);
        VoidRow first = awaitVoid(voided.eventId());
        long size = logSize(first.logId());

        append(voided);
        // A later void naming the voided vote again, behind the re-append on the same partition (same poll key):
        // once it is applied, so is the re-append.
        VotesVoided again = VotesVoided.of(EventIds.next(), pollId, "flag-3", "again",
                List.of(votes.get(0).eventId()), Instant.now());
        append(again);
        VoidRow second = awaitVoid(again.eventId());

        assertThat(awaitVoid(voided.eventId())).isEqualTo(first);
        assertThat(second.voided()).as("the vote was voided before").isZero();
        assertThat(second.counted()).isTrue();
        assertThat(second.leafIndex()).as("the re-append took no leaf").isEqualTo(first.leafIndex() + 1);
        assertThat(logSize(first.logId())).isEqualTo(size + 1);
        assertThat(tables.deltaSums(pollId)).isEqualTo(Map.of("a", 0L, "b", 1L));
        assertThat(voidColumns(pollId)).filteredOn(vote -> vote.eventId().equals(votes.get(0).eventId()))
                .singleElement().extracting(VoidColumns::voidEventId).isEqualTo(voided.eventId());
    }

    @Test
    void aVoidAfterTheCloseChangesNoVoteButGetsItsLeafAndItsRow() {
        String pollId = createPoll();
        List<VoteSubmitted> votes = castAndRecord(pollId, "a", "b");
        LedgerTables tables = new LedgerTables(pool);
        Instant closedAt = Instant.parse(given().auth().oauth2(admin()).post("/api/v1/polls/{id}/close", pollId)
                .then().statusCode(200).extract().<String>path("closedAt"));
        VotesVoided late = VotesVoided.of(EventIds.next(), pollId, "flag-4", REASON,
                votes.stream().map(VoteSubmitted::eventId).toList(), closedAt.plusMillis(1));

        append(late);
        VoidRow row = awaitVoid(late.eventId());

        assertThat(row.counted()).isFalse();
        assertThat(row.voided()).isZero();
        assertThat(row.named()).isEqualTo(2);
        assertThat(logSize(row.logId())).isGreaterThan(row.leafIndex());
        assertThat(voidColumns(pollId)).allSatisfy(vote -> assertThat(vote.voidedAt()).isNull());
        assertThat(negativeDeltas(pollId)).isEmpty();
        assertThat(tables.deltaSums(pollId)).isEqualTo(Map.of("a", 1L, "b", 1L));
        // The closed poll is final only under a checkpoint that also signs the late void's leaf.
        JsonNode chain = await().atMost(patience())
                .until(() -> EventCodec.fromJson(given().auth().oauth2(token("aud", "auditor"))
                                .get("/api/v1/polls/{id}/chain", pollId).then().statusCode(200).extract().asString(),
                        JsonNode.class), doc -> doc.get("final").asBoolean());
        SignedCheckpoint signed = EventCodec.fromJson(chain.get("checkpoint").toString(), SignedCheckpoint.class);
        assertThat(signed.checkpoint().log(row.logId())).isNotNull()
                .extracting(LogHead::size).asInstanceOf(LONG)
                .isGreaterThan(row.leafIndex());
        assertThat(chain.get("recordedVotes").asLong()).isEqualTo(2);
    }

    @Test
    void theReceiptOfAVoidedVoteSaysVoidedWithTheReasonAndStillProvesItsLeafAndACheckpointSignsTheVoidLog() {
        String pollId = createPoll();
        String alice = newSubject("alice");
        VoteSubmitted vote = vote(pollId, alice, "a", Instant.now());
        append(vote);
        LedgerTables tables = new LedgerTables(pool);
        await().atMost(patience()).until(() -> tables.verdicts(vote.eventId()) == 1);
        VotesVoided voided = VotesVoided.of(EventIds.next(), pollId, "flag-5", REASON, List.of(vote.eventId()),
                Instant.now());
        append(voided);
        VoidRow row = awaitVoid(voided.eventId());

        // The periodic checkpoint (1 s) comes to cover both the vote's leaf and the void's.
        ReceiptView receipt = await().atMost(patience()).until(() -> receipt(vote.eventId(), token(alice)),
                view -> view.chain() != null && view.chain().isPresent());
        assertThat(receipt.status()).isEqualTo("voided");
        assertThat(receipt.reason()).isEqualTo(REASON);
        assertThat(receipt.recordedAt()).isNotNull();
        assertThat(receipt.entry().eventId()).isEqualTo(vote.eventId());
        InclusionProof proof = receipt.chain().orElseThrow().proof();
        assertThat(proof.verify(receipt.entry(), receipt.chain().orElseThrow().checkpoint().checkpoint())).isTrue();

        SignedCheckpoint latest = await().atMost(patience()).until(() -> checkpoints.latest().await().indefinitely(),
                signed -> signed != null && signed.checkpoint().log(row.logId()) != null
                        && signed.checkpoint().log(row.logId()).size() > row.leafIndex());
        LogHead head = latest.checkpoint().log(row.logId());
        assertThat(head.log()).isGreaterThanOrEqualTo(VoidLeaf.LOG_ID_BASE);
        given().auth().oauth2(token("aud", "auditor")).get("/api/v1/polls/{id}/chain", pollId)
                .then().statusCode(200).body("recordedVotes", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void theExportMarksAVoidedVoteWithItsVoid() {
        String pollId = createPoll();
        List<VoteSubmitted> votes = castAndRecord(pollId, "a", "b");
        VotesVoided voided = VotesVoided.of(EventIds.next(), pollId, "flag-6", REASON,
                List.of(votes.get(1).eventId()), Instant.now());
        append(voided);
        awaitVoid(voided.eventId());

        Response jsonl = given().auth().oauth2(token("aud", "auditor"))
                .get("/api/v1/polls/{id}/export?format=jsonl", pollId);
        jsonl.then().statusCode(200);
        List<ExportLine> lines = Arrays.stream(jsonl.asString().split("\n"))
                .map(line -> EventCodec.fromJson(line, ExportLine.class)).toList();

        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line.status()).isEqualTo(ExportLine.RECORDED));
        assertThat(lines).filteredOn(line -> line.eventId().equals(votes.get(1).eventId())).singleElement()
                .satisfies(line -> {
                    assertThat(line.voidedAt()).isEqualTo(voided.voidedAt().truncatedTo(ChronoUnit.MICROS));
                    assertThat(line.voidReason()).isEqualTo(REASON);
                });
        assertThat(lines).filteredOn(line -> line.eventId().equals(votes.get(0).eventId())).singleElement()
                .satisfies(line -> assertThat(line.voidedAt()).isNull());
    }

    /** One vote per option given, each from a new voter; returns once all are recorded. */
    private List<VoteSubmitted> castAndRecord(String pollId, String... options) {
        List<VoteSubmitted> votes = new ArrayList<>();
        for (String option : options) {
            VoteSubmitted vote = vote(pollId, newSubject("voter"), option, Instant.now());
            votes.add(vote);
            append(vote);
        }
        LedgerTables tables = new LedgerTables(pool);
        await().atMost(patience()).until(() -> votes.stream().allMatch(vote -> tables.verdicts(vote.eventId()) == 1));
        assertThat(tables.votes(pollId)).hasSize(options.length);
        return votes;
    }

    private VoidRow awaitVoid(UUID eventId) {
        return await().atMost(patience()).until(() -> voidRow(eventId), row -> row != null);
    }

    private VoidRow voidRow(UUID eventId) {
        for (Row row : pool.preparedQuery("SELECT * FROM vote_voids WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().indefinitely()) {
            return new VoidRow(row.getInteger("named_votes"), row.getInteger("voided_votes"),
                    row.getBoolean("counted"), row.getInteger("kafka_partition"), row.getLong("kafka_offset"),
                    row.getInteger("log_id"), row.getLong("leaf_index"),
                    row.getOffsetDateTime("voided_at").toInstant());
        }
        return null;
    }

    private List<VoidColumns> voidColumns(String pollId) {
        List<VoidColumns> columns = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT event_id, option_id, voided_at, void_event_id, void_reason"
                + " FROM votes WHERE poll_id = $1").execute(Tuple.of(pollId)).await().indefinitely()) {
            columns.add(new VoidColumns(row.getUUID("event_id"), row.getString("option_id"),
                    row.getOffsetDateTime("voided_at") == null ? null : row.getOffsetDateTime("voided_at").toInstant(),
                    row.getUUID("void_event_id"), row.getString("void_reason")));
        }
        return columns;
    }

    private Map<String, Long> negativeDeltas(String pollId) {
        Map<String, Long> deltas = new java.util.TreeMap<>();
        for (Row row : pool.preparedQuery("SELECT option_id, vote_count FROM tally_deltas"
                + " WHERE poll_id = $1 AND vote_count < 0").execute(Tuple.of(pollId)).await().indefinitely()) {
            assertThat(deltas.put(row.getString("option_id"), row.getLong("vote_count")))
                    .as("one negative delta per option").isNull();
        }
        return deltas;
    }

    private long logSize(int logId) {
        return pool.preparedQuery("SELECT size FROM merkle_logs WHERE log_id = $1").execute(Tuple.of(logId))
                .await().indefinitely().iterator().next().getLong("size");
    }

    private static ReceiptView receipt(UUID receiptId, String token) {
        String body = given().auth().oauth2(token).get("/api/v1/receipts/{id}", receiptId)
                .then().statusCode(200).extract().asString();
        return EventCodec.fromJson(body, ReceiptView.class);
    }
}
