package votes.ledger.vote;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.events.id.EventIds;
import votes.proofs.merkle.LedgerLeaf;
import votes.events.poll.Poll;
import votes.events.rule.RejectionReason;
import votes.ledger.merkle.LeafAppend;
import votes.ledger.merkle.LogAppends;
import votes.ledger.merkle.MerkleLogs;
import votes.ledger.merkle.StoredLog;
import votes.ledger.poll.PollRows;
import votes.ledger.sql.Timestamps;
import votes.ledger.tally.TallyDelta;
import votes.ledger.tally.TallyDeltas;

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
 */
@ApplicationScoped
public class VoteBatchWriter {

    // FOR SHARE: a concurrent close (FOR UPDATE, see PollStore.close) waits for this batch or is seen by it.
    private static final String POLLS = "SELECT " + PollRows.COLUMNS
            + " FROM polls WHERE poll_id = ANY($1::text[]) ORDER BY poll_id FOR SHARE";
    private static final String PREFETCH = """
            SELECT poll_id, voter_id, event_id FROM votes
            WHERE (poll_id, voter_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))""";
    // A UNION rather than OR: each half keeps its own unique index (an OR of a row-value IN and an ANY may not).
    private static final String PREFETCH_AFTER_FAILURE = PREFETCH + """

            UNION
            SELECT poll_id, voter_id, event_id FROM votes WHERE event_id = ANY($3::uuid[])""";
    private static final String INSERT_VOTES = """
            INSERT INTO votes (poll_id, voter_id, option_id, event_id, submitted_at, kafka_partition, kafka_offset,
                               leaf_index)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::int[],
                                 $7::bigint[], $8::bigint[])
            ON CONFLICT DO NOTHING
            RETURNING event_id""";
    private static final String INSERT_REJECTIONS = """
            INSERT INTO rejections (event_id, poll_id, voter_id, option_id, reason, submitted_at, kafka_partition, kafka_offset)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::bigint[])
            ON CONFLICT (event_id) DO NOTHING
            RETURNING reason, event_id,
                      EXISTS (SELECT 1 FROM votes v WHERE v.event_id = rejections.event_id) AS recorded""";
    private static final String INSERT_DELTAS = """
            INSERT INTO tally_deltas (delta_id, poll_id, option_id, vote_count)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[])""";

    private final Pool pool;
    private final MerkleLogs logs;
    private final Duration unknownPollGrace;

    VoteBatchWriter(Pool pool, MerkleLogs logs,
                    @ConfigProperty(name = "ledger.unknown-poll-grace") Duration unknownPollGrace) {
        this.pool = pool;
        this.logs = logs;
        this.unknownPollGrace = unknownPollGrace;
    }

    /**
     * @param batch the batch's records in log order: votes and poison (a poison record with an event id becomes a
     *              {@code malformed} rejection; without one it writes nothing here)
     * @param attempt which attempt this is: a retry also prefetches the votes of the batch's event ids, so an event
     *                id reused under another (poll, voter) is judged a no-op; and a vote for a poll the ledger does
     *                not know is retried only while the batch's first attempt is younger than the unknown-poll grace
     */
    public Uni<BatchOutcome> write(List<? extends BatchRecord> batch, BatchAttempt attempt) {
        Set<Integer> partitions = new TreeSet<>();
        List<LedgerEntry> entries = new ArrayList<>(batch.size());
        List<UUID> eventIds = new ArrayList<>(batch.size());
        for (BatchRecord record : batch) {
            partitions.add(record.partition());
            if (record instanceof LedgerEntry entry) {
                entries.add(entry);
                eventIds.add(entry.vote().eventId());
            } else if (record instanceof PoisonEntry poison && poison.poison().eventId() != null) {
                eventIds.add(poison.poison().eventId());
            }
        }
        return pool.withTransaction(connection -> read(connection, entries, eventIds, partitions, attempt)
                .flatMap(state -> {
                    BatchPlan plan = BatchPlan.decide(state.polls()::get, state.recorded(), batch);
                    return write(connection, plan, LogAppends.of(state.logs(), plan.records()));
                }));
    }

    /** What a batch reads before it judges: its logs (locked), its polls and the votes already recorded. */
    private record BatchState(Map<Integer, StoredLog> logs, Map<String, Poll> polls, List<RecordedVote> recorded) {
    }

    /**
     * Lock, polls and prefetch are sent together and PostgreSQL runs them in that order on the connection: one round
     * trip instead of three, and the reads still start after the lock is held, so they see what the previous holder
     * committed (READ COMMITTED takes a snapshot per statement). A log's very first batch finds no row to lock; it
     * then creates and locks the row and reads again, since the first reads ran unprotected.
     */
    private Uni<BatchState> read(SqlConnection connection, List<LedgerEntry> entries, List<UUID> eventIds,
                                 Set<Integer> partitions, BatchAttempt attempt) {
        return Uni.combine().all()
                .unis(logs.lockExisting(connection, partitions), polls(connection, entries, attempt),
                        prefetch(connection, entries, eventIds, attempt.afterFailure()))
                .asTuple()
                .flatMap(read -> read.getItem1().size() == partitions.size()
                        ? Uni.createFrom().item(new BatchState(read.getItem1(), read.getItem2(), read.getItem3()))
                        : logs.lock(connection, partitions)
                                .flatMap(locked -> polls(connection, entries, attempt)
                                        .flatMap(polls -> prefetch(connection, entries, eventIds,
                                                attempt.afterFailure())
                                                .map(recorded -> new BatchState(locked, polls, recorded)))));
    }

    /**
     * The writes do not depend on each other's results, so they are issued together and the client pipelines them
     * on the connection: one round trip instead of four. Should the votes INSERT fail, PostgreSQL refuses the rest
     * of the transaction and all of it rolls back.
     */
    private Uni<BatchOutcome> write(SqlConnection connection, BatchPlan plan, LogAppends appends) {
        return Uni.combine().all()
                .unis(insertVotes(connection, appends.records()), logs.append(connection, appends.logs()),
                        insertDeltas(connection, plan.records()), insertRejections(connection, plan.rejections()))
                .asTuple()
                .map(written -> {
                    int inserted = written.getItem1();
                    if (inserted != plan.records().size()) {
                        throw new RecordRefusedException(plan.records().size() - inserted);
                    }
                    List<UUID> reused = reusedByRejections(plan, written.getItem4());
                    if (!reused.isEmpty()) {
                        throw new RecordRefusedException(reused);
                    }
                    List<RejectionReason> reasons = new ArrayList<>(written.getItem4().size());
                    written.getItem4().forEach(row -> reasons.add(row.reason()));
                    return new BatchOutcome(inserted, reasons);
                });
    }

    /** A rejection this transaction inserted, as the rejections INSERT returns it. */
    private record InsertedRejection(RejectionReason reason, UUID eventId, boolean recorded) {
    }

    /**
     * Event ids the batch rejected although a vote of the same id was recorded before it: the replay would call
     * such an event a no-op, not a rejection. A vote recorded by this very batch does not count: the log rejected the
     * id first and recorded it later, which the replay does too.
     */
    private static List<UUID> reusedByRejections(BatchPlan plan, List<InsertedRejection> inserted) {
        List<UUID> reused = new ArrayList<>();
        Set<UUID> recordedHere = null;
        for (InsertedRejection rejection : inserted) {
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

    private Uni<Map<String, Poll>> polls(SqlConnection connection, List<LedgerEntry> entries, BatchAttempt attempt) {
        Set<String> ids = new LinkedHashSet<>();
        entries.forEach(entry -> ids.add(entry.vote().pollId()));
        return connection.preparedQuery(POLLS)
                .execute(Tuple.tuple().addArrayOfString(ids.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Poll> polls = new HashMap<>();
                    rows.forEach(row -> {
                        Poll poll = PollRows.toPoll(row);
                        polls.put(poll.pollId(), poll);
                    });
                    requireKnownOrOld(polls, entries, attempt);
                    return polls;
                });
    }

    /**
     * A vote for a poll not stored yet is retried while it is young (its PollCreated may still be on the way), but
     * never longer than the grace after the batch's first attempt: a vote stamped in the future must not stall its
     * partition for ever. Past that it is judged: {@code poll-not-found}, as the replay would if no poll came.
     */
    private void requireKnownOrOld(Map<String, Poll> polls, List<LedgerEntry> entries, BatchAttempt attempt) {
        Instant cutoff = Instant.now().minus(unknownPollGrace);
        if (!attempt.firstAt().isAfter(cutoff)) {
            return;
        }
        for (LedgerEntry entry : entries) {
            if (!polls.containsKey(entry.vote().pollId()) && entry.vote().submittedAt().isAfter(cutoff)) {
                throw new PollNotYetKnownException(entry.vote().pollId());
            }
        }
    }

    /** @param eventIds every event id of the batch, poison's included: a retry looks those up too */
    private Uni<List<RecordedVote>> prefetch(SqlConnection connection, List<LedgerEntry> entries, List<UUID> eventIds,
                                             boolean afterFailure) {
        String[] polls = new String[entries.size()];
        String[] voters = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            polls[i] = entries.get(i).vote().pollId();
            voters[i] = entries.get(i).vote().voterId();
        }
        Tuple arguments = Tuple.tuple().addArrayOfString(polls).addArrayOfString(voters);
        return connection.preparedQuery(afterFailure ? PREFETCH_AFTER_FAILURE : PREFETCH)
                .execute(afterFailure ? arguments.addArrayOfUUID(eventIds.toArray(UUID[]::new)) : arguments)
                .map(rows -> {
                    List<RecordedVote> recorded = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        recorded.add(new RecordedVote(row.getString("poll_id"), row.getString("voter_id"),
                                row.getUUID("event_id")));
                    }
                    return recorded;
                });
    }

    /** @return how many rows the INSERT really took; fewer than asked means one was refused (see the class) */
    private Uni<Integer> insertVotes(SqlConnection connection, List<LeafAppend> records) {
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
        return connection.preparedQuery(INSERT_VOTES)
                .execute(Tuple.tuple().addArrayOfString(polls).addArrayOfString(voters).addArrayOfString(options)
                        .addArrayOfUUID(events).addArrayOfOffsetDateTime(submitted).addArrayOfInteger(partitions)
                        .addArrayOfLong(offsets).addArrayOfLong(leafIndexes))
                .map(RowSet::rowCount);
    }

    /**
     * One row per (poll, option) of the plan's records. Those are exactly the rows the transaction inserts (it fails
     * otherwise, see {@link #write(SqlConnection, BatchPlan, LogAppends)}): a redelivered batch, a duplicate or a
     * rejection adds nothing to a tally.
     */
    private Uni<Void> insertDeltas(SqlConnection connection, List<LedgerEntry> taken) {
        List<TallyDelta> deltas = TallyDeltas.of(taken.stream().map(LedgerEntry::vote).toList(), EventIds::next);
        if (deltas.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = deltas.size();
        UUID[] ids = new UUID[n];
        String[] polls = new String[n];
        String[] options = new String[n];
        Integer[] counts = new Integer[n];
        for (int i = 0; i < n; i++) {
            TallyDelta delta = deltas.get(i);
            ids[i] = delta.deltaId();
            polls[i] = delta.pollId();
            options[i] = delta.optionId();
            counts[i] = delta.voteCount();
        }
        return connection.preparedQuery(INSERT_DELTAS)
                .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(polls).addArrayOfString(options)
                        .addArrayOfInteger(counts))
                .replaceWithVoid();
    }

    /**
     * @return the rejections this transaction inserted (a redelivered one conflicts and is not returned), each with
     *         whether a vote of its event id is in {@code votes} (see {@link #reusedByRejections})
     */
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
