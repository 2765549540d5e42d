package votes.ledger.tally;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/** Writes deltas into {@code tally_deltas} on the caller's connection, inside its transaction (append-only). */
public final class TallyDeltaRows {

    private static final String INSERT = """
            INSERT INTO tally_deltas (delta_id, poll_id, option_id, vote_count, traceparent)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[])""";

    private TallyDeltaRows() {
    }

    public static Uni<Void> insert(SqlConnection connection, List<TallyDelta> deltas) {
        if (deltas.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = deltas.size();
        UUID[] ids = new UUID[n];
        String[] polls = new String[n];
        String[] options = new String[n];
        Integer[] counts = new Integer[n];
        String[] traceparents = new String[n];
        for (int i = 0; i < n; i++) {
            TallyDelta delta = deltas.get(i);
            ids[i] = delta.deltaId();
            polls[i] = delta.pollId();
            options[i] = delta.optionId();
            counts[i] = delta.voteCount();
            traceparents[i] = delta.traceparent();
        }
        return connection.preparedQuery(INSERT)
                .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(polls).addArrayOfString(options)
                        .addArrayOfInteger(counts).addArrayOfString(traceparents))
                .replaceWithVoid();
    }
}
