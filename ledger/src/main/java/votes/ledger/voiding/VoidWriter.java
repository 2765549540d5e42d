package votes.ledger.voiding;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import votes.events.poll.VotesVoided;
import votes.events.rule.VoidRule;
import votes.ledger.merkle.LogAppends;
import votes.ledger.merkle.LogUpdate;
import votes.ledger.merkle.MerkleLogs;
import votes.ledger.merkle.StoredLog;
import votes.ledger.sql.PipelinedTransaction;
import votes.ledger.sql.Timestamps;
import votes.proofs.merkle.VoidLeaf;

/**
 * Applies one {@link VotesVoided} in ONE transaction: the poll row {@code FOR SHARE}, then the void log's row
 * {@code FOR UPDATE}, then (unless its {@code vote_voids} row shows it applied already) the votes marked voided, one
 * negative tally delta per option, the void's leaf and its {@code vote_voids} row. All of it commits or none does,
 * so the caller retries it as often as it must.
 *
 * <p>Why this lock order cannot deadlock (ledger/README.md, "Voids"): a void holds at most one poll row (shared) and
 * one void log row; a vote batch locks vote logs (never a void log) and then polls, shared; a close locks one poll
 * row alone. Shared locks do not wait for each other, the void log's row is taken only by voids and always after
 * their one poll row, so no cycle of waits can form. The redelivery check runs after the log lock: a void is always
 * on one partition (keyed by poll), so that lock serialises two deliveries of it (a rebalance may hand one record
 * to two instances).
 */
@ApplicationScoped
public class VoidWriter {

    // LEAST ignores NULLs: the earlier of close and deadline, NULL only while the poll has no end (VoidRule).
    private static final String POLL = "SELECT LEAST(closed_at, closes_at) AS closes FROM polls WHERE poll_id = $1"
            + " FOR SHARE";
    private static final String APPLIED = "SELECT log_id, leaf_index, counted, voided_votes FROM vote_voids"
            + " WHERE event_id = $1";
    private static final String INSERT_VOID = """
            INSERT INTO vote_voids (event_id, poll_id, flag_id, reason, voided_at, named_votes, voided_votes, counted,
                                    kafka_partition, kafka_offset, log_id, leaf_index)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""";

    private final Pool pool;
    private final MerkleLogs logs;
    private final RebuildVoids rebuild;

    VoidWriter(Pool pool, MerkleLogs logs, RebuildVoids rebuild) {
        this.pool = pool;
        this.logs = logs;
        this.rebuild = rebuild;
    }

    /** @param partition and {@code offset}: where the void sits in poll-events, which places its leaf */
    public Uni<AppliedVoid> apply(VotesVoided voided, int partition, long offset) {
        VoidLeaf leaf = VoidLeaf.of(voided, partition, offset);
        return PipelinedTransaction.run(pool, transaction -> apply(transaction, leaf))
                // A rebuild records the votes later: it voids them as it does (RebuildVoids).
                .invoke(applied -> {
                    if (applied.counted()) {
                        rebuild.counted(leaf);
                    }
                });
    }

    private Uni<AppliedVoid> apply(PipelinedTransaction transaction, VoidLeaf leaf) {
        SqlConnection connection = transaction.connection();
        int logId = VoidLeaf.logId(leaf.partition());
        return connection.preparedQuery(POLL).execute(Tuple.of(leaf.pollId()))
                .flatMap(polls -> {
                    boolean exists = polls.size() > 0;
                    Instant closes = exists ? Timestamps.fromSql(polls.iterator().next().getOffsetDateTime("closes"))
                            : null;
                    boolean counted = VoidRule.counts(exists, closes, leaf.voidedAt());
                    return logs.lock(connection, Set.of(logId))
                            .flatMap(locked -> connection.preparedQuery(APPLIED).execute(Tuple.of(leaf.eventId()))
                                    .flatMap(applied -> applied.size() > 0
                                            ? Uni.createFrom().item(redelivered(leaf.eventId(),
                                                    applied.iterator().next()))
                                            : write(transaction, leaf, counted, locked.get(logId))));
                });
    }

    private Uni<AppliedVoid> write(PipelinedTransaction transaction, VoidLeaf leaf, boolean counted, StoredLog log) {
        SqlConnection connection = transaction.connection();
        LogUpdate update = LogAppends.one(log, leaf.hash());
        // Ids that name no recorded vote of the poll, or a vote voided before, change nothing.
        return VoidedVotes.mark(connection, counted ? NamedVote.all(leaf) : List.of())
                .map(voided -> voided.of(leaf.eventId()))
                .call(voided -> logs.append(transaction, List.of(update)))
                .call(voided -> connection.preparedQuery(INSERT_VOID).execute(Tuple.from(List.of(
                        leaf.eventId(), leaf.pollId(), leaf.flagId(), leaf.reason(),
                        Timestamps.toSql(leaf.voidedAt()), leaf.voteIds().size(), voided, counted,
                        leaf.partition(), leaf.offset(), log.logId(), log.size()))))
                .map(voided -> new AppliedVoid(leaf.eventId(), false, counted, voided, log.logId(), log.size()));
    }

    private static AppliedVoid redelivered(UUID eventId, Row row) {
        return new AppliedVoid(eventId, true, row.getBoolean("counted"), row.getInteger("voided_votes"),
                row.getInteger("log_id"), row.getLong("leaf_index"));
    }
}
