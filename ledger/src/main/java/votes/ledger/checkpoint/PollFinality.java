package votes.ledger.checkpoint;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.events.poll.Poll;

/**
 * Whether a checkpoint covers every recorded vote and every void of a closed poll, remembered per (poll, checkpoint
 * sequence).
 *
 * <p>Why a cache: the answer reads every vote row of the poll (the highest leaf per log), a million rows for a hot
 * poll, and auditors poll this endpoint. A checkpoint never changes, and a closed poll records only votes submitted
 * before its close that arrive late, so the answer for one (poll, sequence) is computed once. Such a late vote moves
 * a log, so the next checkpoint (one interval later) has a new sequence and is asked afresh. Open polls are never
 * final and cost nothing here. Bounded (least recently used first out): a few bytes per entry.
 */
@ApplicationScoped
public class PollFinality {

    // Per log: the poll's recorded votes and the highest leaf; count(leaf_index) < n means rows from before V3. Then
    // per void log: the poll's voids (every one is a leaf), so a void applied after the close keeps the poll from
    // being final until a checkpoint signs it too.
    private static final String COVERAGE = """
            SELECT kafka_partition AS log, count(*) AS n, count(leaf_index) AS leaves, max(leaf_index) AS last_leaf
            FROM votes WHERE poll_id = $1 GROUP BY kafka_partition
            UNION ALL
            SELECT log_id, count(*), count(*), max(leaf_index) FROM vote_voids WHERE poll_id = $1 GROUP BY log_id""";

    private record Key(String pollId, long sequence) {
    }

    private final Pool pool;
    private final Map<Key, Boolean> verdicts;

    PollFinality(Pool pool, @ConfigProperty(name = "ledger.chain.finality-cache-size") int capacity) {
        this.pool = pool;
        this.verdicts = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * @param latest read BEFORE this call: the coverage is read after it, so a vote recorded in between makes the
     *               answer "not covered", never a wrong "covered"
     */
    public Uni<Boolean> covered(Poll poll, SignedCheckpoint latest) {
        if (poll.closedAt() == null) {
            return Uni.createFrom().item(false);
        }
        if (latest == null) {
            // No checkpoint yet (a fresh ledger): nothing to key a verdict by, and rare.
            return coverage(poll.pollId()).map(coverage -> PollChain.covers(coverage, null));
        }
        Key key = new Key(poll.pollId(), latest.checkpoint().sequence());
        Boolean known = known(key);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return coverage(poll.pollId()).map(coverage -> {
            boolean covered = PollChain.covers(coverage, latest);
            remember(key, covered);
            return covered;
        });
    }

    private synchronized Boolean known(Key key) {
        return verdicts.get(key);
    }

    private synchronized void remember(Key key, boolean covered) {
        verdicts.put(key, covered);
    }

    private Uni<List<PollChain.Coverage>> coverage(String pollId) {
        return pool.preparedQuery(COVERAGE).execute(Tuple.of(pollId)).map(rows -> {
            List<PollChain.Coverage> coverage = new ArrayList<>(rows.size());
            for (Row row : rows) {
                coverage.add(new PollChain.Coverage(row.getInteger("log"), row.getLong("n"),
                        row.getLong("leaves"), row.getLong("last_leaf")));
            }
            return coverage;
        });
    }
}
