package votes.ledger.vote;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import votes.events.poll.Poll;
import votes.ledger.merkle.MerkleLogs;
import votes.ledger.merkle.StoredLog;
import votes.ledger.poll.PollRows;

/**
 * The read step of {@link VoteBatchWriter}: what a batch reads before it is judged, inside its transaction. Lock,
 * polls and prefetch (when the {@link Lookup} asks for one) are sent together, behind the transaction's BEGIN
 * (PipelinedTransaction), and PostgreSQL runs them in that order on the connection: one round trip instead of four,
 * and the reads still start after the lock is held, so they see what the previous holder committed (READ COMMITTED
 * takes a snapshot per statement). A log's very first batch finds no row to lock; it then creates and locks the row
 * and reads again, since the first reads ran unprotected.
 */
final class BatchReads {

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
    // The check of a plan made without prefetch, for the records it did not plan to insert (those it does insert are
    // checked by the INSERT's own unique indexes: a conflict leaves the count short).
    private static final String ANY_RECORDED = """
            SELECT EXISTS (SELECT 1 FROM votes WHERE (poll_id, voter_id) IN (SELECT * FROM unnest($1::text[], $2::text[])))
                OR EXISTS (SELECT 1 FROM votes WHERE event_id = ANY($3::uuid[])) AS recorded""";

    /**
     * Which recorded votes a batch looks up before it is judged.
     */
    enum Lookup {
        /**
         * None: the plan assumes no vote of the batch's (poll, voter) pairs or event ids is recorded, and the write
         * checks that assumption ({@link #anyRecorded}, the INSERT's count) in the same round trip as the rows.
         */
        CHECKED_AFTER,
        /** The votes of the batch's (poll, voter) pairs: one index probe per entry. */
        PAIRS,
        /** Those and the votes of the batch's event ids, poison's included (see {@link VoteBatchWriter}). */
        PAIRS_AND_EVENTS
    }

    /** What a batch reads before it judges: its logs (locked), its polls and the votes already recorded. */
    record BatchState(Map<Integer, StoredLog> logs, Map<String, Poll> polls, List<RecordedVote> recorded) {
    }

    private final MerkleLogs logs;
    private final Duration unknownPollGrace;

    BatchReads(MerkleLogs logs, Duration unknownPollGrace) {
        this.logs = logs;
        this.unknownPollGrace = unknownPollGrace;
    }

    Uni<BatchState> read(SqlConnection connection, BatchKeys keys, BatchAttempt attempt, Lookup lookup) {
        Set<Integer> partitions = keys.partitions();
        return Uni.combine().all()
                .unis(logs.lockExisting(connection, partitions), polls(connection, keys.entries(), attempt),
                        prefetch(connection, keys, lookup))
                .asTuple()
                .flatMap(read -> read.getItem1().size() == partitions.size()
                        ? Uni.createFrom().item(new BatchState(read.getItem1(), read.getItem2(), read.getItem3()))
                        : logs.lock(connection, partitions)
                                .flatMap(locked -> polls(connection, keys.entries(), attempt)
                                        .flatMap(polls -> prefetch(connection, keys, lookup)
                                                .map(recorded -> new BatchState(locked, polls, recorded)))));
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

    /**
     * Whether any vote is recorded under the (poll, voter) pair or the event id of a record the plan did not insert
     * (rejected, a no-op, poison): what a plan made without prefetch ({@link Lookup#CHECKED_AFTER}) must be told.
     * Sent before the batch's INSERTs, so it sees what was committed before the batch, not the batch's own rows.
     */
    Uni<Boolean> anyRecorded(SqlConnection connection, BatchKeys keys, BatchPlan plan) {
        // Nearly every batch: the plan inserts each of its votes and it has no poison with an event id, so no record
        // is left to look up, and the sets below (a catch-up's CPU samples showed them) need not be built.
        if (keys.allRecordedBy(plan)) {
            return Uni.createFrom().item(false);
        }
        Set<LedgerEntry> inserted = Collections.newSetFromMap(new IdentityHashMap<>());
        inserted.addAll(plan.records());
        Set<UUID> insertedIds = new HashSet<>();
        plan.records().forEach(entry -> insertedIds.add(entry.vote().eventId()));
        List<String> polls = new ArrayList<>();
        List<String> voters = new ArrayList<>();
        for (LedgerEntry entry : keys.entries()) {
            if (!inserted.contains(entry)) {
                polls.add(entry.vote().pollId());
                voters.add(entry.vote().voterId());
            }
        }
        // A duplicate of an inserted event within the batch is the batch's own no-op, not a recorded vote.
        UUID[] ids = keys.eventIds().stream().filter(id -> !insertedIds.contains(id)).toArray(UUID[]::new);
        if (polls.isEmpty() && ids.length == 0) {
            return Uni.createFrom().item(false);
        }
        return connection.preparedQuery(ANY_RECORDED)
                .execute(Tuple.tuple().addArrayOfString(polls.toArray(String[]::new))
                        .addArrayOfString(voters.toArray(String[]::new)).addArrayOfUUID(ids))
                .map(rows -> rows.iterator().next().getBoolean("recorded"));
    }

    /** A retry also looks up every event id of the batch, poison's included (see {@link VoteBatchWriter}). */
    private Uni<List<RecordedVote>> prefetch(SqlConnection connection, BatchKeys keys, Lookup lookup) {
        if (lookup == Lookup.CHECKED_AFTER) {
            return Uni.createFrom().item(List.of());
        }
        boolean afterFailure = lookup == Lookup.PAIRS_AND_EVENTS;
        List<LedgerEntry> entries = keys.entries();
        String[] polls = new String[entries.size()];
        String[] voters = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            polls[i] = entries.get(i).vote().pollId();
            voters[i] = entries.get(i).vote().voterId();
        }
        Tuple arguments = Tuple.tuple().addArrayOfString(polls).addArrayOfString(voters);
        return connection.preparedQuery(afterFailure ? PREFETCH_AFTER_FAILURE : PREFETCH)
                .execute(afterFailure ? arguments.addArrayOfUUID(keys.eventIds().toArray(UUID[]::new)) : arguments)
                .map(rows -> {
                    List<RecordedVote> recorded = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        recorded.add(new RecordedVote(row.getString("poll_id"), row.getString("voter_id"),
                                row.getUUID("event_id")));
                    }
                    return recorded;
                });
    }
}
