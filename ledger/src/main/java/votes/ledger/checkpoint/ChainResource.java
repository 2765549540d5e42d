package votes.ledger.checkpoint;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import votes.events.checkpoint.SignedCheckpoint;
import votes.events.poll.Poll;
import votes.kit.problem.ProblemException;
import votes.kit.problem.ProblemType;
import votes.ledger.poll.PollStore;

/**
 * {@code GET /api/v1/polls/{pollId}/chain}. Its own root path rather than a method of the polls resource: JAX-RS
 * matches root paths by their literal length, so this class wins for this path alone.
 */
@Path("/api/v1/polls/{pollId}/chain")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "auditor"})
public class ChainResource {

    // Per log: the poll's recorded votes and the highest leaf; count(leaf_index) < n means rows from before V3.
    private static final String COVERAGE = """
            SELECT kafka_partition, count(*) AS n, count(leaf_index) AS leaves, max(leaf_index) AS last_leaf
            FROM votes WHERE poll_id = $1 GROUP BY kafka_partition""";

    private final PollStore polls;
    private final CheckpointStore checkpoints;
    private final Pool pool;

    ChainResource(PollStore polls, CheckpointStore checkpoints, Pool pool) {
        this.polls = polls;
        this.checkpoints = checkpoints;
        this.pool = pool;
    }

    @GET
    public Uni<PollChain> chain(@PathParam("pollId") String pollId) {
        // The checkpoint is read after the coverage: if the votes were covered then, the later checkpoint covers them.
        return polls.find(pollId)
                .map(poll -> {
                    if (poll == null) {
                        throw new ProblemException(ProblemType.POLL_NOT_FOUND, "no poll " + pollId);
                    }
                    return poll;
                })
                .flatMap(poll -> pool.preparedQuery(COVERAGE).execute(Tuple.of(pollId))
                        .flatMap(coverage -> checkpoints.latest()
                                .map(latest -> chain(poll, coverage, latest))));
    }

    private static PollChain chain(Poll poll, RowSet<Row> rows, SignedCheckpoint latest) {
        List<PollChain.Coverage> coverage = new ArrayList<>(rows.size());
        for (Row row : rows) {
            coverage.add(new PollChain.Coverage(row.getInteger("kafka_partition"), row.getLong("n"),
                    row.getLong("leaves"), row.getLong("last_leaf")));
        }
        return PollChain.of(poll, coverage, latest);
    }
}
