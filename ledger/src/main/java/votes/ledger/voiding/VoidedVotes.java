package votes.ledger.voiding;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import votes.events.id.EventIds;
import votes.ledger.sql.Timestamps;
import votes.ledger.tally.TallyDelta;
import votes.ledger.tally.TallyDeltaRows;
import votes.ledger.tally.TallyDeltas;

/**
 * The effect of voids on recorded votes, the one place both the live void ({@link VoidWriter}) and a rebuild's
 * batches ({@link RebuildVoids}) write it: each named vote of its poll not voided yet is marked with its void, and
 * one negative tally delta per (poll, option) is inserted. Runs inside the caller's transaction.
 */
final class VoidedVotes {

    /** What was voided: per void event, how many votes. */
    record Voided(Map<UUID, Integer> votesByVoid) {
        int of(UUID voidEventId) {
            return votesByVoid.getOrDefault(voidEventId, 0);
        }
    }

    private static final String VOID_VOTES = """
            UPDATE votes v SET voided_at = n.voided_at, void_event_id = n.void_event_id, void_reason = n.reason
            FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::uuid[], $5::text[])
                 AS n(poll_id, vote_id, voided_at, void_event_id, reason)
            WHERE v.poll_id = n.poll_id AND v.event_id = n.vote_id AND v.voided_at IS NULL
            RETURNING v.poll_id, v.option_id, v.void_event_id""";

    private VoidedVotes() {
    }

    /** @param marks each vote with the void to mark it with, if it is a recorded vote of its poll not voided yet */
    static Uni<Voided> mark(SqlConnection connection, List<NamedVote> marks) {
        if (marks.isEmpty()) {
            return Uni.createFrom().item(new Voided(Map.of()));
        }
        return connection.preparedQuery(VOID_VOTES).execute(tuple(marks)).flatMap(rows -> {
            Map<String, List<String>> optionsByPoll = new LinkedHashMap<>();
            Map<UUID, Integer> votesByVoid = new LinkedHashMap<>();
            rows.forEach(row -> {
                optionsByPoll.computeIfAbsent(row.getString("poll_id"), p -> new ArrayList<>())
                        .add(row.getString("option_id"));
                votesByVoid.merge(row.getUUID("void_event_id"), 1, Integer::sum);
            });
            List<TallyDelta> deltas = new ArrayList<>();
            optionsByPoll.forEach((poll, options) -> deltas.addAll(TallyDeltas.voided(poll, options, EventIds::next)));
            return TallyDeltaRows.insert(connection, deltas).replaceWith(new Voided(votesByVoid));
        });
    }

    private static Tuple tuple(List<NamedVote> marks) {
        int n = marks.size();
        String[] polls = new String[n];
        UUID[] votes = new UUID[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        UUID[] voids = new UUID[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            NamedVote mark = marks.get(i);
            polls[i] = mark.pollId();
            votes[i] = mark.voteId();
            at[i] = Timestamps.toSql(mark.voidedAt());
            voids[i] = mark.voidEventId();
            reasons[i] = mark.reason();
        }
        return Tuple.tuple().addArrayOfString(polls).addArrayOfUUID(votes).addArrayOfOffsetDateTime(at)
                .addArrayOfUUID(voids).addArrayOfString(reasons);
    }
}
