package votes.ledger.vote;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * polls and prefetch are sent together and PostgreSQL runs them in that order on the connection: one round trip
 * instead of three, and the reads still start after the lock is held, so they see what the previous holder
 * committed (READ COMMITTED takes a snapshot per statement). A log's very first batch finds no row to lock; it then
 * creates and locks the row and reads again, since the first reads ran unprotected.
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

    /** What a batch reads before it judges: its logs (locked), its polls and the votes already recorded. */
    record BatchState(Map<Integer, StoredLog> logs, Map<String, Poll> polls, List<RecordedVote> recorded) {
    }

    private final MerkleLogs logs;
    private final Duration unknownPollGrace;

    BatchReads(MerkleLogs logs, Duration unknownPollGrace) {
        this.logs = logs;
        this.unknownPollGrace = unknownPollGrace;
    }

    Uni<BatchState> read(SqlConnection connection, BatchKeys keys, BatchAttempt attempt) {
        Set<Integer> partitions = keys.partitions();
        return Uni.combine().all()
                .unis(logs.lockExisting(connection, partitions), polls(connection, keys.entries(), attempt),
                        prefetch(connection, keys, attempt.afterFailure()))
                .asTuple()
                .flatMap(read -> read.getItem1().size() == partitions.size()
                        ? Uni.createFrom().item(new BatchState(read.getItem1(), read.getItem2(), read.getItem3()))
                        : logs.lock(connection, partitions)
                                .flatMap(locked -> polls(connection, keys.entries(), attempt)
                                        .flatMap(polls -> prefetch(connection, keys, attempt.afterFailure())
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

    /** A retry also looks up every event id of the batch, poison's included (see {@link VoteBatchWriter}). */
    private Uni<List<RecordedVote>> prefetch(SqlConnection connection, BatchKeys keys, boolean afterFailure) {
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
