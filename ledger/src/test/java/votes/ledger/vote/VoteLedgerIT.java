package votes.ledger.vote;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static votes.ledger.LedgerFixture.append;
import static votes.ledger.LedgerFixture.createPoll;
import static votes.ledger.LedgerFixture.newSubject;
import static votes.ledger.LedgerFixture.patience;
import static votes.ledger.LedgerFixture.vote;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.key.PartitionKeys;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerFixture;
import votes.ledger.LedgerTables;
import votes.ledger.LedgerTables.RejectionRow;
import votes.ledger.LedgerTables.VoteRow;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class VoteLedgerIT {

    @Inject
    Pool pool;

    private LedgerTables tables() {
        return new LedgerTables(pool);
    }

    @Test
    void firstVoteOfAVoterIsRecordedWithItsLogPosition() {
        String pollId = createPoll();
        VoteSubmitted first = vote(pollId, newSubject("alice"), "a", Instant.now());

        append(first);

        await().atMost(patience()).until(() -> tables().votes(pollId).size() == 1);
        VoteRow row = tables().votes(pollId).get(0);
        assertThat(row.eventId()).isEqualTo(first.eventId());
        assertThat(row.optionId()).isEqualTo("a");
        assertThat(row.voterId()).isEqualTo(first.voterId());
        assertThat(row.partition()).isBetween(0, 5);
        assertThat(row.offset()).isNotNegative();
        assertThat(tables().rejections(pollId)).isEmpty();
    }

    @Test
    void secondVoteOfTheSameVoterIsRejectedAsDuplicate() {
        String pollId = createPoll();
        String bob = newSubject("bob");
        VoteSubmitted first = vote(pollId, bob, "a", Instant.now());
        VoteSubmitted second = vote(pollId, bob, "b", Instant.now());

        append(first);
        append(second);

        await().atMost(patience()).until(() -> tables().rejections(pollId).size() == 1);
        assertThat(tables().votes(pollId)).extracting(VoteRow::eventId).containsExactly(first.eventId());
        assertThat(tables().rejections(pollId)).containsExactly(
                new RejectionRow(second.eventId(), second.voterId(), "duplicate"));
    }

    @Test
    void sameEventDeliveredTwiceIsRecordedOnceAndNeverRejected() {
        String pollId = createPoll();
        String carol = newSubject("carol");
        VoteSubmitted once = vote(pollId, carol, "a", Instant.now());
        // Same key, so same partition, after the redelivery: once it is decided, both copies were.
        VoteSubmitted marker = vote(pollId, carol, "b", Instant.now());

        append(once);
        append(once);
        append(marker);

        await().atMost(patience()).until(() -> tables().verdicts(marker.eventId()) == 1);
        assertThat(tables().votes(pollId)).extracting(VoteRow::eventId).containsExactly(once.eventId());
        assertThat(tables().rejections(pollId)).extracting(RejectionRow::eventId).containsExactly(marker.eventId());
        assertThat(tables().verdicts(once.eventId())).isEqualTo(1);
    }

    @Test
    void tallyDeltasSumToTheRecordedVotesAndIgnoreDuplicatesAndRejections() {
        String pollId = createPoll();
        String twice = newSubject("judy");
        VoteSubmitted first = vote(pollId, twice, "a", Instant.now());
        VoteSubmitted again = vote(pollId, twice, "b", Instant.now());
        VoteSubmitted strange = vote(pollId, newSubject("kim"), "c", Instant.now());
        VoteSubmitted forA = vote(pollId, newSubject("leo"), "a", Instant.now());
        VoteSubmitted forB = vote(pollId, newSubject("mia"), "b", Instant.now());

        for (VoteSubmitted vote : java.util.List.of(first, again, strange, forA, forB)) {
            append(vote);
        }

        await().atMost(patience()).until(() -> java.util.stream.Stream.of(first, again, strange, forA, forB)
                .allMatch(vote -> tables().verdicts(vote.eventId()) == 1));
        assertThat(tables().voteCounts(pollId)).isEqualTo(java.util.Map.of("a", 2L, "b", 1L));
        assertThat(tables().deltaSums(pollId)).isEqualTo(tables().voteCounts(pollId));
        assertThat(tables().rejections(pollId)).hasSize(2);
    }

    @Test
    void redeliveredEventAddsNoTallyDelta() {
        String pollId = createPoll();
        String nina = newSubject("nina");
        VoteSubmitted once = vote(pollId, nina, "a", Instant.now());
        append(once);
        await().atMost(patience()).until(() -> tables().verdicts(once.eventId()) == 1);
        assertThat(tables().deltaRows(pollId)).isEqualTo(1);
        // Same key, same partition: once the marker is decided, the redelivery was too.
        VoteSubmitted marker = vote(pollId, nina, "b", Instant.now());

        append(once);
        append(marker);

        await().atMost(patience()).until(() -> tables().verdicts(marker.eventId()) == 1);
        assertThat(tables().deltaRows(pollId)).isEqualTo(1);
        assertThat(tables().deltaSums(pollId)).isEqualTo(java.util.Map.of("a", 1L));
    }

    @Test
    void voteSubmittedAfterCloseIsRejectedButOneSubmittedBeforeCloseStillCounts() {
        String pollId = createPoll();
        Instant closedAt = Instant.parse(given().auth().oauth2(LedgerFixture.admin())
                .post("/api/v1/polls/{id}/close", pollId)
                .then().statusCode(200)
                .extract().<String>path("closedAt"));
        VoteSubmitted late = vote(pollId, newSubject("dave"), "a", closedAt);
        VoteSubmitted slowButInTime = vote(pollId, newSubject("erin"), "a", closedAt.minusNanos(1_000));

        append(late);
        append(slowButInTime);

        await().atMost(patience()).until(() -> tables().verdicts(late.eventId()) == 1
                && tables().verdicts(slowButInTime.eventId()) == 1);
        assertThat(tables().rejections(pollId)).containsExactly(
                new RejectionRow(late.eventId(), late.voterId(), "poll-not-open"));
        assertThat(tables().votes(pollId)).extracting(VoteRow::eventId).containsExactly(slowButInTime.eventId());
    }

    @Test
    void voteForAnOptionNotOnThePollIsRejected() {
        String pollId = createPoll();
        VoteSubmitted strange = vote(pollId, newSubject("frank"), "c", Instant.now());

        append(strange);

        await().atMost(patience()).until(() -> tables().verdicts(strange.eventId()) == 1);
        assertThat(tables().rejections(pollId)).containsExactly(
                new RejectionRow(strange.eventId(), strange.voterId(), "unknown-option"));
        assertThat(tables().votes(pollId)).isEmpty();
    }

    @Test
    void voteForAPollThatNeverExistedIsRejectedOnceItIsOlderThanTheGrace() {
        String pollId = "no-such-poll-" + UUID.randomUUID();
        VoteSubmitted lost = vote(pollId, newSubject("gina"), "a", Instant.now().minusSeconds(60));

        append(lost);

        await().atMost(patience()).until(() -> tables().verdicts(lost.eventId()) == 1);
        assertThat(tables().rejections(pollId)).extracting(RejectionRow::reason).containsExactly("poll-not-found");
    }

    /**
     * A faulty producer reuses a recorded vote's event id under other voters, on the same partition and in later
     * batches (so the first attempt's prefetch by (poll, voter) cannot see the id). Both reuses must be no-ops, as
     * in the audit replay, and the partition must move on: before, the refused record failed its batch for ever.
     */
    @Test
    void anEventIdReusedUnderAnotherVoterIsANoOpAndThePartitionMovesOn() {
        String pollId = createPoll();
        VoteSubmitted first = vote(pollId, newSubject("dan"), "a", Instant.now());
        // One key for every record of this test: one partition, so each wave is decided after the one before.
        String key = PartitionKeys.vote(pollId, first.voterId());
        LedgerFixture.send(key, EventCodec.encode(first));
        await().atMost(patience()).until(() -> tables().verdicts(first.eventId()) == 1);

        // Wave 2: the reuse would be recorded (and the INSERT refuse it); erin's own vote after it must not be
        // judged a duplicate of it.
        String erin = newSubject("erin");
        VoteSubmitted reusedAsRecord = VoteSubmitted.of(first.eventId(), pollId, LedgerFixture.VOTER_IDS.of(erin),
                "b", Instant.now(), null, null);
        VoteSubmitted erinsOwn = vote(pollId, erin, "a", Instant.now());
        LedgerFixture.send(key, EventCodec.encode(reusedAsRecord));
        LedgerFixture.send(key, EventCodec.encode(erinsOwn));
        await().atMost(patience()).until(() -> tables().verdicts(erinsOwn.eventId()) == 1);

        // Wave 3: the reuse would be rejected (an option the poll lacks): a rejection next to the recorded vote of
        // the same id is a verdict the replay would not give, so it must be a no-op too.
        VoteSubmitted reusedAsRejection = VoteSubmitted.of(first.eventId(), pollId,
                LedgerFixture.VOTER_IDS.of(newSubject("fay")), "zzz", Instant.now(), null, null);
        VoteSubmitted after = vote(pollId, newSubject("gus"), "b", Instant.now());
        LedgerFixture.send(key, EventCodec.encode(reusedAsRejection));
        LedgerFixture.send(key, EventCodec.encode(after));
        await().atMost(patience()).until(() -> tables().verdicts(after.eventId()) == 1);

        assertThat(tables().votes(pollId)).extracting(VoteRow::eventId, VoteRow::voterId).containsExactly(
                tuple(first.eventId(), first.voterId()), tuple(erinsOwn.eventId(), erinsOwn.voterId()),
                tuple(after.eventId(), after.voterId()));
        assertThat(tables().rejections(pollId)).isEmpty();
        assertThat(tables().verdicts(first.eventId())).isEqualTo(1);
        assertThat(tables().deltaSums(pollId)).isEqualTo(java.util.Map.of("a", 2L, "b", 1L));
        assertLeavesContiguous(tables().votes(pollId).get(0).partition());
    }

    /** The partition's log: leaf indexes exactly 0..size-1, read in one statement (one snapshot). */
    private void assertLeavesContiguous(int partition) {
        Row log = pool.preparedQuery("""
                        SELECT (SELECT size FROM merkle_logs WHERE log_id = $1) AS size, count(*) AS n,
                               count(DISTINCT leaf_index) AS distinct_leaves, min(leaf_index) AS first_leaf,
                               max(leaf_index) AS last_leaf
                        FROM votes WHERE kafka_partition = $1""")
                .execute(Tuple.of(partition)).await().indefinitely().iterator().next();
        long n = log.getLong("n");
        assertThat(n).as("votes in partition %d", partition).isPositive();
        assertThat(log.getLong("distinct_leaves")).as("distinct leaf indexes").isEqualTo(n);
        assertThat(log.getLong("first_leaf")).as("first leaf index").isZero();
        assertThat(log.getLong("last_leaf")).as("last leaf index").isEqualTo(n - 1);
        assertThat(log.getLong("size")).as("size of log %d", partition).isEqualTo(n);
    }

    @Test
    void undecodableRecordIsDeadLetteredAndTheVotesAfterItAreRecorded() {
        String pollId = createPoll();
        String hank = newSubject("hank");
        VoteSubmitted after = vote(pollId, hank, "b", Instant.now());

        LedgerFixture.send(votes.events.key.PartitionKeys.vote(pollId, after.voterId()),
                "{not a vote".getBytes(StandardCharsets.UTF_8));
        append(after);

        await().atMost(patience()).until(() -> tables().verdicts(after.eventId()) == 1);
        assertThat(tables().votes(pollId)).extracting(VoteRow::eventId).containsExactly(after.eventId());
        // The letter is appended after the batch's transaction, before its offsets are committed.
        await().atMost(patience()).untilAsserted(() -> assertThat(given().get("/q/metrics").then().statusCode(200)
                .extract().asString()).containsPattern("ledger_dead_letters_total\\{.*reason=\"undecodable\".*\\} [1-9]"));
    }

    @Test
    void metricsShowVerdictsBatchSizesAndConsumerLag() {
        String pollId = createPoll();
        VoteSubmitted counted = vote(pollId, newSubject("ivy"), "a", Instant.now());
        append(counted);
        await().atMost(patience()).until(() -> tables().verdicts(counted.eventId()) == 1);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).containsPattern("(?m)^votes_recorded_total(\\{[^}]*\\})? [1-9]");
        assertThat(metrics).contains("votes_rejected_total{", "reason=\"duplicate\"");
        assertThat(metrics).containsPattern("(?m)^ledger_batch_size_count(\\{[^}]*\\})? [1-9]");
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max");
    }
}
