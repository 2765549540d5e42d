package votes.ledger.vote;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.events.id.EventIds;
import votes.events.poll.Poll;
import votes.events.rule.RejectionReason;
import votes.ledger.poll.PollRows;
import votes.ledger.sql.Timestamps;
import votes.ledger.tally.TallyDelta;
import votes.ledger.tally.TallyDeltas;

/**
 * Writes one consumed batch in ONE PostgreSQL transaction: read the batch's polls, prefetch the recorded votes
 * of its (poll, voter) pairs, let {@link BatchPlan} judge every entry in log order, then insert the records, the
 * tally deltas of the records the database really took, and the rejections, with one statement each. Either all
 * of it commits or none does, so the caller may retry the same batch as often as it must, and the deltas always
 * sum to the committed votes.
 */
@ApplicationScoped
public class VoteBatchWriter {

    // FOR SHARE: a concurrent close (FOR UPDATE, see PollStore.close) waits for this batch or is seen by it.
    private static final String POLLS = "SELECT " + PollRows.COLUMNS
            + " FROM polls WHERE poll_id = ANY($1::text[]) ORDER BY poll_id FOR SHARE";
    private static final String PREFETCH = """
            SELECT poll_id, voter_id, event_id FROM votes
            WHERE (poll_id, voter_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))""";
    private static final String INSERT_VOTES = """
            INSERT INTO votes (poll_id, voter_id, option_id, event_id, submitted_at, kafka_partition, kafka_offset)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::int[], $7::bigint[])
            ON CONFLICT DO NOTHING
            RETURNING event_id""";
    private static final String RECORDED_EVENTS = "SELECT event_id FROM votes WHERE event_id = ANY($1::uuid[])";
    private static final String INSERT_REJECTIONS = """
            INSERT INTO rejections (event_id, poll_id, voter_id, option_id, reason, submitted_at, kafka_partition, kafka_offset)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::bigint[])
            ON CONFLICT (event_id) DO NOTHING
            RETURNING reason""";
    private static final String INSERT_DELTAS = """
            INSERT INTO tally_deltas (delta_id, poll_id, option_id, vote_count)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[])""";

    private final Pool pool;
    private final Duration unknownPollGrace;

    VoteBatchWriter(Pool pool, @ConfigProperty(name = "ledger.unknown-poll-grace") Duration unknownPollGrace) {
        this.pool = pool;
        this.unknownPollGrace = unknownPollGrace;
    }

    public Uni<BatchOutcome> write(List<LedgerEntry> entries) {
        return pool.withTransaction(connection -> polls(connection, entries)
                .flatMap(polls -> prefetch(connection, entries)
                        .map(recorded -> BatchPlan.decide(polls::get, recorded, entries)))
                .flatMap(plan -> insertVotes(connection, plan.records())
                        .flatMap(inserted -> insertDeltas(connection, inserted.taken())
                                .replaceWith(inserted))
                        .flatMap(inserted -> raceLosers(connection, inserted.refused())
                                .flatMap(losers -> {
                                    List<Rejection> rejections = new ArrayList<>(plan.rejections());
                                    losers.forEach(loser -> rejections.add(new Rejection(loser, RejectionReason.DUPLICATE)));
                                    return insertRejections(connection, rejections)
                                            .map(added -> new BatchOutcome(inserted.taken().size(), added));
                                }))));
    }

    /** The records of one INSERT: those the database took, and those it refused on a unique constraint. */
    private record VoteInsert(List<LedgerEntry> taken, List<LedgerEntry> refused) {
    }

    private Uni<Map<String, Poll>> polls(SqlConnection connection, List<LedgerEntry> entries) {
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
                    requireKnownOrOld(polls, entries);
                    return polls;
                });
    }

    private void requireKnownOrOld(Map<String, Poll> polls, List<LedgerEntry> entries) {
        Instant cutoff = Instant.now().minus(unknownPollGrace);
        for (LedgerEntry entry : entries) {
            if (!polls.containsKey(entry.vote().pollId()) && entry.vote().submittedAt().isAfter(cutoff)) {
                throw new PollNotYetKnownException(entry.vote().pollId());
            }
        }
    }

    private Uni<List<RecordedVote>> prefetch(SqlConnection connection, List<LedgerEntry> entries) {
        String[] polls = new String[entries.size()];
        String[] voters = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            polls[i] = entries.get(i).vote().pollId();
            voters[i] = entries.get(i).vote().voterId();
        }
        return connection.preparedQuery(PREFETCH)
                .execute(Tuple.tuple().addArrayOfString(polls).addArrayOfString(voters))
                .map(rows -> {
                    List<RecordedVote> recorded = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        recorded.add(new RecordedVote(row.getString("poll_id"), row.getString("voter_id"),
                                row.getUUID("event_id")));
                    }
                    return recorded;
                });
    }

    /** Refused records: another transaction recorded their (poll, voter) or their event first. */
    private Uni<VoteInsert> insertVotes(SqlConnection connection, List<LedgerEntry> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(new VoteInsert(List.of(), List.of()));
        }
        int n = records.size();
        String[] polls = new String[n];
        String[] voters = new String[n];
        String[] options = new String[n];
        UUID[] events = new UUID[n];
        OffsetDateTime[] submitted = new OffsetDateTime[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        for (int i = 0; i < n; i++) {
            LedgerEntry entry = records.get(i);
            polls[i] = entry.vote().pollId();
            voters[i] = entry.vote().voterId();
            options[i] = entry.vote().optionId();
            events[i] = entry.vote().eventId();
            submitted[i] = Timestamps.toSql(entry.vote().submittedAt());
            partitions[i] = entry.partition();
            offsets[i] = entry.offset();
        }
        return connection.preparedQuery(INSERT_VOTES)
                .execute(Tuple.tuple().addArrayOfString(polls).addArrayOfString(voters).addArrayOfString(options)
                        .addArrayOfUUID(events).addArrayOfOffsetDateTime(submitted).addArrayOfInteger(partitions)
                        .addArrayOfLong(offsets))
                .map(rows -> {
                    Set<UUID> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(row.getUUID("event_id")));
                    Map<Boolean, List<LedgerEntry>> split = records.stream()
                            .collect(Collectors.partitioningBy(entry -> inserted.contains(entry.vote().eventId())));
                    return new VoteInsert(split.get(true), split.get(false));
                });
    }

    /**
     * One row per (poll, option) of the votes this transaction inserted (RETURNING, not the plan): a redelivered
     * batch, or a record that lost a race, adds nothing to a tally.
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
     * Of the refused records, those whose own event is in {@code votes} (recorded by a concurrent consumer of the
     * same event, e.g. across a rebalance) are redeliveries; the rest lost the race to another vote: duplicates.
     */
    private Uni<List<LedgerEntry>> raceLosers(SqlConnection connection, List<LedgerEntry> refused) {
        if (refused.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] events = refused.stream().map(entry -> entry.vote().eventId()).toArray(UUID[]::new);
        return connection.preparedQuery(RECORDED_EVENTS)
                .execute(Tuple.tuple().addArrayOfUUID(events))
                .map(rows -> {
                    Set<UUID> recorded = new HashSet<>();
                    rows.forEach(row -> recorded.add(row.getUUID("event_id")));
                    return refused.stream().filter(entry -> !recorded.contains(entry.vote().eventId())).toList();
                });
    }

    private Uni<List<RejectionReason>> insertRejections(SqlConnection connection, List<Rejection> rejections) {
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
            LedgerEntry entry = rejection.entry();
            events[i] = entry.vote().eventId();
            polls[i] = entry.vote().pollId();
            voters[i] = entry.vote().voterId();
            options[i] = entry.vote().optionId();
            reasons[i] = rejection.reason().slug();
            submitted[i] = Timestamps.toSql(entry.vote().submittedAt());
            partitions[i] = entry.partition();
            offsets[i] = entry.offset();
        }
        return connection.preparedQuery(INSERT_REJECTIONS)
                .execute(Tuple.tuple().addArrayOfUUID(events).addArrayOfString(polls).addArrayOfString(voters)
                        .addArrayOfString(options).addArrayOfString(reasons).addArrayOfOffsetDateTime(submitted)
                        .addArrayOfInteger(partitions).addArrayOfLong(offsets))
                .map(rows -> {
                    List<RejectionReason> inserted = new ArrayList<>(rows.size());
                    rows.forEach(row -> inserted.add(RejectionReason.fromSlug(row.getString("reason"))));
                    return inserted;
                });
    }
}
