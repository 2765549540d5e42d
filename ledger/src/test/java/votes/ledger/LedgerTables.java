package votes.ledger;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads the ledger's tables in ITs, through the application's own pool. */
public record LedgerTables(Pool pool) {

    public record VoteRow(String voterId, String optionId, UUID eventId, int partition, long offset) {
    }

    public record RejectionRow(UUID eventId, String voterId, String reason) {
    }

    public List<VoteRow> votes(String pollId) {
        List<VoteRow> rows = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT voter_id, option_id, event_id, kafka_partition, kafka_offset"
                + " FROM votes WHERE poll_id = $1 ORDER BY kafka_offset").execute(Tuple.of(pollId)).await().indefinitely()) {
            rows.add(new VoteRow(row.getString("voter_id"), row.getString("option_id"), row.getUUID("event_id"),
                    row.getInteger("kafka_partition"), row.getLong("kafka_offset")));
        }
        return rows;
    }

    public List<RejectionRow> rejections(String pollId) {
        List<RejectionRow> rows = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT event_id, voter_id, reason FROM rejections WHERE poll_id = $1"
                + " ORDER BY kafka_offset").execute(Tuple.of(pollId)).await().indefinitely()) {
            rows.add(new RejectionRow(row.getUUID("event_id"), row.getString("voter_id"), row.getString("reason")));
        }
        return rows;
    }

    /** Recorded votes per option of a poll: what every tally must equal once quiet. */
    public Map<String, Long> voteCounts(String pollId) {
        return countsBy("SELECT option_id, count(*) AS n FROM votes WHERE poll_id = $1 GROUP BY option_id", pollId);
    }

    /** The poll's tally deltas summed per option. */
    public Map<String, Long> deltaSums(String pollId) {
        return countsBy("SELECT option_id, sum(vote_count) AS n FROM tally_deltas WHERE poll_id = $1 GROUP BY option_id",
                pollId);
    }

    public long deltaRows(String pollId) {
        return pool.preparedQuery("SELECT count(*) AS n FROM tally_deltas WHERE poll_id = $1")
                .execute(Tuple.of(pollId)).await().indefinitely().iterator().next().getLong("n");
    }

    private Map<String, Long> countsBy(String sql, String pollId) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row row : pool.preparedQuery(sql).execute(Tuple.of(pollId)).await().indefinitely()) {
            counts.put(row.getString("option_id"), row.getLong("n"));
        }
        return counts;
    }

    public long polls() {
        return pool.query("SELECT count(*) AS n FROM polls").execute().await().indefinitely()
                .iterator().next().getLong("n");
    }

    /** How many rows (votes + rejections) an event has: 0 undecided, 1 decided, more would be a bug. */
    public long verdicts(UUID eventId) {
        return pool.preparedQuery("SELECT (SELECT count(*) FROM votes WHERE event_id = $1)"
                        + " + (SELECT count(*) FROM rejections WHERE event_id = $1) AS n")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator().next().getLong("n");
    }
}
