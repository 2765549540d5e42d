package votes.ledger.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static votes.ledger.LedgerFixture.createPoll;
import static votes.ledger.LedgerFixture.newSubject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import votes.ledger.LedgerFixture;
import org.junit.jupiter.api.Test;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerTables;
import votes.ledger.LedgerTables.VoteRow;

/**
 * One batch's transaction on the real server, called directly rather than through Kafka, so each test decides what
 * one batch holds: above all a batch whose votes look all new, whose COMMIT rides with its rows (BatchInserts), and
 * what happens when one of them was recorded before it. The batches go to a Merkle log of their own, far from
 * {@code votes.submitted}'s partitions, with offsets that only grow, so the consumer's batches never share it and
 * the logs' own checks (MerkleLogIT) hold for it too.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class VoteBatchWriterIT {

    private static final int LOG = 999;
    // Offsets grow across runs on one database too: a log's leaves must keep their offsets in order (MerkleLogIT).
    private static final AtomicLong OFFSETS = new AtomicLong(System.currentTimeMillis() * 1_000);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    VoteBatchWriter writer;

    @Inject
    Pool pool;

    @Test
    void aBatchOfNewVotesCommitsItsRowsLeavesAndDeltasTogether() {
        String pollId = createPoll();
        long logBefore = logSize();

        BatchOutcome outcome = write(List.of(entry(vote(pollId, newSubject("ann"), "a")),
                entry(vote(pollId, newSubject("ben"), "a")), entry(vote(pollId, newSubject("cat"), "b"))), false);

        assertThat(outcome).isEqualTo(new BatchOutcome(3, List.of()));
        assertThat(tables().voteCounts(pollId)).isEqualTo(Map.of("a", 2L, "b", 1L));
        assertThat(tables().deltaSums(pollId)).isEqualTo(Map.of("a", 2L, "b", 1L));
        assertThat(logSize()).isEqualTo(logBefore + 3);
    }

    @Test
    void aVoteRecordedBeforeItsBatchRollsBackTheRidingCommitAndTheBatchIsWrittenAgainWithItAsANoOp() {
        String pollId = createPoll();
        LedgerEntry once = entry(vote(pollId, newSubject("dan"), "a"));
        write(List.of(once), false);
        long logBefore = logSize();
        LedgerEntry fresh = entry(vote(pollId, newSubject("eve"), "b"));

        // The redelivered vote first: the rows of the fresh one, sent behind it, must not commit either.
        BatchOutcome outcome = write(List.of(once, fresh), false);

        assertThat(outcome).isEqualTo(new BatchOutcome(1, List.of()));
        assertThat(tables().votes(pollId)).extracting(VoteRow::eventId)
                .containsExactlyInAnyOrder(once.vote().eventId(), fresh.vote().eventId());
        assertThat(tables().deltaSums(pollId)).isEqualTo(Map.of("a", 1L, "b", 1L));
        assertThat(tables().deltaRows(pollId)).isEqualTo(2);
        assertThat(tables().rejections(pollId)).isEmpty();
        assertThat(logSize()).as("one leaf: the fresh vote's, once").isEqualTo(logBefore + 1);
        assertThat(leafIndexes()).as("leaf indexes stay contiguous")
                .isEqualTo(LongStream.range(0, logSize()).boxed().toList());
    }

    @Test
    void anEventIdReusedUnderAnotherVoterCommitsNothingUntilARetryJudgesItANoOp() {
        String pollId = createPoll();
        VoteSubmitted first = vote(pollId, newSubject("fay"), "a");
        write(List.of(entry(first)), false);
        long logBefore = logSize();
        VoteSubmitted reused = VoteSubmitted.of(first.eventId(), pollId, vote(pollId, newSubject("gus"), "b").voterId(),
                "b", Instant.now(), null, null);
        LedgerEntry reusedEntry = entry(reused);

        assertThatThrownBy(() -> write(List.of(reusedEntry), false)).isInstanceOf(RecordRefusedException.class);
        assertThat(logSize()).isEqualTo(logBefore);
        assertThat(tables().deltaRows(pollId)).isEqualTo(1);

        assertThat(write(List.of(reusedEntry), true)).isEqualTo(new BatchOutcome(0, List.of()));
        assertThat(tables().votes(pollId)).extracting(VoteRow::eventId).containsExactly(first.eventId());
        assertThat(logSize()).isEqualTo(logBefore);
    }

    private BatchOutcome write(List<LedgerEntry> batch, boolean afterFailure) {
        return writer.write(batch, new BatchAttempt(afterFailure, Instant.now())).await().atMost(PATIENCE);
    }

    private static LedgerEntry entry(VoteSubmitted vote) {
        return new LedgerEntry(vote, LOG, OFFSETS.incrementAndGet());
    }

    private static VoteSubmitted vote(String pollId, String subject, String option) {
        return LedgerFixture.vote(pollId, subject, option, Instant.now());
    }

    private long logSize() {
        RowSet<Row> rows = pool.preparedQuery("SELECT size FROM merkle_logs WHERE log_id = $1")
                .execute(Tuple.of(LOG)).await().atMost(PATIENCE);
        return rows.size() == 0 ? 0 : rows.iterator().next().getLong("size");
    }

    private List<Long> leafIndexes() {
        RowSet<Row> rows = pool.preparedQuery("SELECT leaf_index FROM votes WHERE kafka_partition = $1"
                + " ORDER BY leaf_index").execute(Tuple.of(LOG)).await().atMost(PATIENCE);
        List<Long> indexes = new ArrayList<>();
        rows.forEach(row -> indexes.add(row.getLong("leaf_index")));
        return indexes;
    }

    private LedgerTables tables() {
        return new LedgerTables(pool);
    }
}
