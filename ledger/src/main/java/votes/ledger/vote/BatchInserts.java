package votes.ledger.vote;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import votes.events.id.EventIds;
import votes.proofs.merkle.LedgerLeaf;
import votes.events.rule.RejectionReason;
import votes.ledger.merkle.LeafAppend;
import votes.ledger.merkle.LogAppends;
import votes.ledger.merkle.MerkleLogs;
import votes.ledger.sql.PipelinedTransaction;
import votes.ledger.sql.SqlStates;
import votes.ledger.sql.Timestamps;
import votes.ledger.tally.TallyDeltaRows;
import votes.ledger.tally.TallyDeltas;

/**
 * The write step of {@link VoteBatchWriter}: a judged batch's rows. The writes do not depend on each other's
 * results, so they are issued together and the client pipelines them on the connection: one round trip instead of
 * four. Should the votes INSERT fail, PostgreSQL refuses the rest of the transaction and all of it rolls back.
 *
 * <p>A batch whose votes are all new (see {@link #write}) also sends its COMMIT in that round trip: its votes go in
 * without {@code ON CONFLICT}, so a vote recorded before the batch fails the INSERT, and the COMMIT behind it
 * becomes a ROLLBACK, where the other path would count the rows short and roll back from Java a round trip later.
 */
final class BatchInserts {

    // No RETURNING: the command tag's row count is all the writer checks, and a row per vote sent back cost the
    // database and the client a row each (perf/RESULTS.md, issue 12 item 3).
    private static final String INSERT_VOTES = """
            INSERT INTO votes (poll_id, voter_id, option_id, event_id, submitted_at, kafka_partition, kafka_offset,
                               leaf_index)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::int[],
                                 $7::bigint[], $8::bigint[])
            ON CONFLICT DO NOTHING""";
    // The same rows with no ON CONFLICT: a recorded (poll, voter) or event id fails the statement.
    private static final String INSERT_NEW_VOTES = INSERT_VOTES.substring(0, INSERT_VOTES.lastIndexOf("ON CONFLICT"));
    private static final String INSERT_REJECTIONS = """
            INSERT INTO rejections (event_id, poll_id, voter_id, option_id, reason, submitted_at, kafka_partition, kafka_offset)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::bigint[])
            ON CONFLICT (event_id) DO NOTHING
            RETURNING reason, event_id,
                      EXISTS (SELECT 1 FROM votes v WHERE v.event_id = rejections.event_id) AS recorded""";
    /** A rejection this transaction inserted, as the rejections INSERT returns it. */
    record InsertedRejection(RejectionReason reason, UUID eventId, boolean recorded) {
    }

    /**
     * @param votes how many vote rows the INSERT really took; fewer than asked means one was refused
     * @param rejections the rejections inserted (a redelivered one conflicts and is not returned), each with whether
     *                   a vote of its event id is in {@code votes}
     */
    record Written(int votes, List<InsertedRejection> rejections) {
    }

    private final MerkleLogs logs;

    BatchInserts(MerkleLogs logs) {
        this.logs = logs;
    }

    /**
     * The votes with their leaf indexes, the tiles and log heads, the tally deltas and the rejections.
     *
     * @param commitNew the plan records every vote of the batch and nothing else (no rejection): send the COMMIT
     *                  with the rows, and fail with {@link RecordedBeforeTheBatch} (none of it committed) if a vote
     *                  of the batch was recorded before it
     */
    Uni<Written> write(PipelinedTransaction transaction, BatchPlan plan, LogAppends appends, boolean commitNew) {
        SqlConnection connection = transaction.connection();
        Uni<Integer> votes = commitNew
                ? insertVotes(connection, INSERT_NEW_VOTES, appends.records())
                        .onFailure(SqlStates::uniqueViolation).transform(refused -> new RecordedBeforeTheBatch())
                : insertVotes(connection, INSERT_VOTES, appends.records());
        return Uni.combine().all()
                .unis(votes, logs.append(transaction, appends.logs()), insertDeltas(connection, plan.records()),
                        insertRejections(connection, plan.rejections()),
                        commitNew ? transaction.commit() : Uni.createFrom().voidItem())
                .asTuple()
                .map(written -> new Written(written.getItem1(), written.getItem4()));
    }

    private Uni<Integer> insertVotes(SqlConnection connection, String insert, List<LeafAppend> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = records.size();
        String[] polls = new String[n];
        String[] voters = new String[n];
        String[] options = new String[n];
        UUID[] events = new UUID[n];
        OffsetDateTime[] submitted = new OffsetDateTime[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        Long[] leafIndexes = new Long[n];
        for (int i = 0; i < n; i++) {
            LedgerLeaf leaf = records.get(i).leaf();
            polls[i] = leaf.pollId();
            voters[i] = leaf.voterId();
            options[i] = leaf.optionId();
            events[i] = leaf.eventId();
            // The leaf's instant, truncated to microseconds: the row then rebuilds the very leaf that was hashed.
            submitted[i] = Timestamps.toSql(leaf.submittedAt());
            partitions[i] = leaf.partition();
            offsets[i] = leaf.offset();
            leafIndexes[i] = records.get(i).leafIndex();
        }
        return connection.preparedQuery(insert)
                .execute(Tuple.tuple().addArrayOfString(polls).addArrayOfString(voters).addArrayOfString(options)
                        .addArrayOfUUID(events).addArrayOfOffsetDateTime(submitted).addArrayOfInteger(partitions)
                        .addArrayOfLong(offsets).addArrayOfLong(leafIndexes))
                .map(RowSet::rowCount);
    }

    /**
     * One row per (poll, option) of the plan's records. Those are exactly the rows the transaction inserts (it fails
     * otherwise, see {@link VoteBatchWriter}): a redelivered batch, a duplicate or a rejection adds nothing to a tally.
     */
    private Uni<Void> insertDeltas(SqlConnection connection, List<LedgerEntry> taken) {
        return TallyDeltaRows.insert(connection,
                TallyDeltas.of(taken.stream().map(LedgerEntry::vote).toList(), traceparents(taken), EventIds::next));
    }

    private static Map<UUID, String> traceparents(List<LedgerEntry> taken) {
        Map<UUID, String> traced = new HashMap<>();
        for (LedgerEntry entry : taken) {
            if (entry.traceparent() != null) {
                traced.put(entry.vote().eventId(), entry.traceparent());
            }
        }
        return traced;
    }

    private Uni<List<InsertedRejection>> insertRejections(SqlConnection connection, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = rejections.size();
        UUID[] events = new UUID[n];
        String[] polls = new String[n];
        String[] voters = new String[n];
        String[] options = new String[n];
        String[] reasons = new String[n];
        OffsetDateTime[] submitted = new OffsetDateTime[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        for (int i = 0; i < n; i++) {
            Rejection rejection = rejections.get(i);
            events[i] = rejection.eventId();
            polls[i] = rejection.pollId();
            voters[i] = rejection.voterId();
            options[i] = rejection.optionId();
            reasons[i] = rejection.reason().slug();
            submitted[i] = Timestamps.toSql(rejection.submittedAt());
            partitions[i] = rejection.partition();
            offsets[i] = rejection.offset();
        }
        return connection.preparedQuery(INSERT_REJECTIONS)
                .execute(Tuple.tuple().addArrayOfUUID(events).addArrayOfString(polls).addArrayOfString(voters)
                        .addArrayOfString(options).addArrayOfString(reasons).addArrayOfOffsetDateTime(submitted)
                        .addArrayOfInteger(partitions).addArrayOfLong(offsets))
                .map(rows -> {
                    List<InsertedRejection> inserted = new ArrayList<>(rows.size());
                    rows.forEach(row -> inserted.add(new InsertedRejection(
                            RejectionReason.fromSlug(row.getString("reason")), row.getUUID("event_id"),
                            row.getBoolean("recorded"))));
                    return inserted;
                });
    }
}
