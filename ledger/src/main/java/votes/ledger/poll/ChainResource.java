package votes.ledger.poll;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import votes.kit.problem.ProblemException;
import votes.kit.problem.ProblemType;
import votes.ledger.checkpoint.CheckpointStore;
import votes.ledger.checkpoint.PollChain;
import votes.ledger.checkpoint.PollFinality;

/**
 * {@code GET /api/v1/polls/{pollId}/chain}. Its own root path rather than a method of the polls resource: JAX-RS
 * matches root paths by their literal length, so this class wins for this path alone.
 *
 * <p>Cheap for a hot poll: the vote count comes from the poll's tally deltas (one row per option per batch, by the
 * {@code tally_deltas_by_poll} index), not from its vote rows, and finality is worked out only for closed polls, once
 * per checkpoint ({@link PollFinality}).
 */
@Path("/api/v1/polls/{pollId}/chain")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "auditor"})
public class ChainResource {

    // Written in each batch's transaction for exactly the votes it inserted, and in each void's for exactly the votes
    // it voided (negative): equal to the poll's vote rows not voided, at every commit.
    private static final String RECORDED =
            "SELECT coalesce(sum(vote_count), 0) AS n FROM tally_deltas WHERE poll_id = $1";

    private final PollStore polls;
    private final CheckpointStore checkpoints;
    private final PollFinality finality;
    private final Pool pool;

    ChainResource(PollStore polls, CheckpointStore checkpoints, PollFinality finality, Pool pool) {
        this.polls = polls;
        this.checkpoints = checkpoints;
        this.finality = finality;
        this.pool = pool;
    }

    @GET
    public Uni<PollChain> chain(@PathParam("pollId") String pollId) {
        // The poll first: a close it shows committed before the coverage is read. Then the checkpoint, then the
        // coverage (PollFinality): a vote recorded after the checkpoint was read can only make the answer "not final".
        return polls.find(pollId)
                .map(poll -> {
                    if (poll == null) {
                        throw new ProblemException(ProblemType.POLL_NOT_FOUND, "no poll " + pollId);
                    }
                    return poll;
                })
                .flatMap(poll -> checkpoints.latest()
                        .flatMap(latest -> finality.covered(poll, latest)
                                .flatMap(covered -> recorded(pollId)
                                        .map(recorded -> PollChain.of(poll, recorded, covered, latest)))));
    }

    private Uni<Long> recorded(String pollId) {
        return pool.preparedQuery(RECORDED).execute(Tuple.of(pollId))
                .map(rows -> rows.iterator().next().getLong("n"));
    }
}
