package votes.realtime.results;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import votes.events.tally.Results;
import votes.kit.problem.ProblemException;
import votes.kit.problem.ProblemType;
import votes.realtime.tally.TallyBoard;

/** {@code GET /api/v1/polls/{pollId}/results}: the latest tally this instance holds, from memory. */
@Path("/api/v1/polls/{pollId}/results")
public class ResultsResource {

    private final TallyBoard board;

    ResultsResource(TallyBoard board) {
        this.board = board;
    }

    @GET
    @NonBlocking // memory only: no reason to hop to a worker thread
    @Produces(MediaType.APPLICATION_JSON)
    public Results results(@PathParam("pollId") String pollId) {
        // No waiting here (unlike the stream): a plain GET is cheap to repeat and should answer at once.
        return board.get(pollId).map(Results::of)
                .orElseThrow(() -> new ProblemException(ProblemType.POLL_NOT_FOUND, "no results for poll " + pollId));
    }
}
