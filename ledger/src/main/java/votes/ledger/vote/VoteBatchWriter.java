package votes.ledger.vote;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.events.rule.RejectionReason;
import votes.ledger.merkle.LogAppends;
import votes.ledger.merkle.MerkleLogs;
import votes.ledger.sql.PipelinedTransaction;
import votes.ledger.voiding.RebuildVoids;
import votes.ledger.vote.BatchReads.Lookup;

/**
 * Writes one consumed batch in ONE PostgreSQL transaction: lock the Merkle logs of the batch's partitions, read
 * its polls, prefetch the recorded votes of its (poll, voter) pairs, let {@link BatchPlan} judge every entry in log
 * order, append the records to their partitions' logs ({@link LogAppends}), then write the votes with their leaf
 * indexes, the tiles and log heads, the tally deltas and the rejections. Either all of it commits or none does, so
 * the caller may retry the same batch as often as it must, and the deltas always sum to the committed votes.
 *
 * <p>Why the logs are locked first: a log's leaf indexes must be contiguous, so two transactions must never append
 * to one log at once; and because (poll, voter) and event id both map to one partition, the lock also serialises
 * every pair of transactions that could race on {@code UNIQUE (poll_id, voter_id)}. The prefetch, run after the
 * lock, therefore sees whatever the previous holder committed, and an INSERT can no longer lose a race.
 *
 * <p>Why a retry prefetches more: the first attempt reads the recorded votes of the batch's (poll, voter) pairs
 * only, one index probe per entry. An event id that a faulty producer reused under another (poll, voter) is then
 * invisible to the plan: its record is refused by {@code UNIQUE (event_id)}, or its rejection would sit next to a
 * recorded vote of the same id. Either way the batch fails ({@link RecordRefusedException}) rather than skip a leaf
 * index or write a verdict the audit replay would not, and the retry (any retry, whatever failed) also prefetches
 * the votes of the batch's event ids, so {@code LedgerBook} judges the reuse a no-op and the partition moves on.
 * The normal path pays nothing for this but one index probe per newly inserted rejection.
 *
 * <p>Why the first attempt prefetches nothing ({@code LEDGER_PREFETCH_CHECKED_AFTER}, on by default): in a batch
 * whose votes are all new, which is nearly every batch (ingest refuses a second vote before it reaches the log),
 * the prefetch's index probe per entry finds nothing, and the INSERT probes the same unique indexes again. So the
 * first attempt plans as if nothing of the batch were recorded and checks that in the write's round trip: the
 * INSERT's count (a planned vote that conflicts with a recorded one is not inserted) and, sent before the INSERTs,
 * one lookup of the pairs and event ids of the records it did not plan to insert (whose verdict a recorded vote
 * could change). Either check failing rolls the transaction back and the batch is written again at once with the
 * prefetch: exactly the rows the prefetching attempt would write, a batch with a duplicate paying for two. When the
 * plan records every vote of the batch and nothing else, the INSERT's unique indexes are the whole check: the votes go
 * in without {@code ON CONFLICT} and the COMMIT rides with them ({@link BatchInserts}), one round trip fewer.
 */
@ApplicationScoped
public class VoteBatchWriter {

    private final Pool pool;
    private final BatchReads reads;
    private final BatchInserts inserts;
    private final RebuildVoids voids;
    private final LedgerMetrics metrics;
    private final boolean checkedAfter;

    VoteBatchWriter(Pool pool, MerkleLogs logs, RebuildVoids voids, LedgerMetrics metrics,
                    @ConfigProperty(name = "ledger.unknown-poll-grace") Duration unknownPollGrace,
                    @ConfigProperty(name = "ledger.batch.prefetch-checked-after") boolean checkedAfter) {
        this.pool = pool;
        this.checkedAfter = checkedAfter;
        this.metrics = metrics;
        this.voids = voids;
        this.reads = new BatchReads(logs, unknownPollGrace);
        this.inserts = new BatchInserts(logs);
    }

    /**
     * Read ({@link BatchReads}), plan ({@link BatchPlan}, {@link LogAppends}), write ({@link BatchInserts}), then
     * make sure the rows written are the plan's ({@link #outcome}), all in one transaction.
     *
     * @param batch the batch's records in log order: votes and poison (a poison record with an event id becomes a
     *              {@code malformed} rejection; without one it writes nothing here)
     * @param attempt which attempt this is: a retry also prefetches the votes of the batch's event ids, so an event
     *                id reused under another (poll, voter) is judged a no-op; and a vote for a poll the ledger does
     *                not know is retried only while the batch's first attempt is younger than the unknown-poll grace
     */
    public Uni<BatchOutcome> write(List<? extends BatchRecord> batch, BatchAttempt attempt) {
        BatchKeys keys = BatchKeys.of(batch);
        if (attempt.afterFailure()) {
            return transaction(batch, keys, attempt, Lookup.PAIRS_AND_EVENTS);
        }
        if (!checkedAfter) {
            return transaction(batch, keys, attempt, Lookup.PAIRS);
        }
        // The plan's assumption (nothing of the batch recorded yet) failed: the rows are rolled back and the batch is
        // written again at once the way it was before this shortcut, so a duplicate costs a second transaction,
        // never a retry's back-off.
        return transaction(batch, keys, attempt, Lookup.CHECKED_AFTER)
                .onFailure(RecordedBeforeTheBatch.class)
                .recoverWithUni(() -> transaction(batch, keys, attempt, Lookup.PAIRS));
    }

    private Uni<BatchOutcome> transaction(List<? extends BatchRecord> batch, BatchKeys keys, BatchAttempt attempt,
                                          Lookup lookup) {
        BatchClock clock = new BatchClock(metrics, System.nanoTime());
        return PipelinedTransaction.run(pool, transaction -> reads.read(transaction.connection(), keys, attempt, lookup)
                .flatMap(state -> {
                    clock.lap(BatchPhase.READ);
                    BatchPlan plan = BatchPlan.decide(state.polls()::get, state.recorded(), batch);
                    LogAppends appends = LogAppends.of(state.logs(), plan.records());
                    clock.lap(BatchPhase.PLAN);
                    // Nothing left for Java to check but what the INSERT's unique indexes check: the COMMIT rides
                    // with the rows (BatchInserts), a round trip saved on nearly every batch.
                    boolean commitNew = lookup == Lookup.CHECKED_AFTER && keys.allRecordedBy(plan)
                            && !voids.rebuilding();
                    // Sent first, so PostgreSQL runs it before the INSERTs: what was committed before the batch.
                    Uni<Boolean> recordedBefore = lookup == Lookup.CHECKED_AFTER
                            ? reads.anyRecorded(transaction.connection(), keys, plan) : Uni.createFrom().item(false);
                    return Uni.combine().all()
                            .unis(recordedBefore, inserts.write(transaction, plan, appends, commitNew))
                            .asTuple()
                            .map(written -> outcome(plan, written.getItem2(), lookup, written.getItem1()))
                            // Only in a rebuild: the voids it applied before these votes existed.
                            .call(outcome -> voids.recorded(transaction.connection(),
                                    plan.records().stream().map(LedgerEntry::vote).toList()))
                            .invoke(outcome -> clock.lap(BatchPhase.WRITE));
                }))
                .invoke(outcome -> clock.lap(BatchPhase.COMMIT));
    }

    /**
     * The outcome once the rows are written, or {@link RecordRefusedException} when they are not the plan's: a vote
     * row refused, or a rejection next to a recorded vote of its event id; {@link RecordedBeforeTheBatch} instead
     * when the plan was made without prefetch and the batch meets a vote recorded before it. Thrown inside the
     * transaction, so none of the batch commits.
     */
    private static BatchOutcome outcome(BatchPlan plan, BatchInserts.Written written, Lookup lookup,
                                        boolean recordedBefore) {
        int inserted = written.votes();
        if (lookup == Lookup.CHECKED_AFTER && (recordedBefore || inserted != plan.records().size())) {
            throw new RecordedBeforeTheBatch();
        }
        if (inserted != plan.records().size()) {
            throw new RecordRefusedException(plan.records().size() - inserted);
        }
        List<UUID> reused = reusedByRejections(plan, written.rejections());
        if (!reused.isEmpty()) {
            throw new RecordRefusedException(reused);
        }
        List<RejectionReason> reasons = new ArrayList<>(written.rejections().size());
        written.rejections().forEach(row -> reasons.add(row.reason()));
        return new BatchOutcome(inserted, reasons);
    }

    /**
     * Event ids the batch rejected although a vote of the same id was recorded before it: the replay would call
     * such an event a no-op, not a rejection. A vote recorded by this very batch does not count: the log rejected the
     * id first and recorded it later, which the replay does too.
     */
    private static List<UUID> reusedByRejections(BatchPlan plan, List<BatchInserts.InsertedRejection> inserted) {
        List<UUID> reused = new ArrayList<>();
        Set<UUID> recordedHere = null;
        for (BatchInserts.InsertedRejection rejection : inserted) {
            if (rejection.recorded()) {
                if (recordedHere == null) {
                    recordedHere = new HashSet<>();
                    for (LedgerEntry record : plan.records()) {
                        recordedHere.add(record.vote().eventId());
                    }
                }
                if (!recordedHere.contains(rejection.eventId())) {
                    reused.add(rejection.eventId());
                }
            }
        }
        return reused;
    }
}
