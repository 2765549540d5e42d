package votes.projections.query;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import votes.kit.problem.ProblemException;
import votes.kit.problem.ProblemType;
import votes.events.tally.Tally;

/** The current tallies, straight from the Streams store. Store reads block briefly: worker threads. */
@Path("/tallies")
@Produces(MediaType.APPLICATION_JSON)
public class TallyResource {

    @Inject
    TallyQueries queries;

    @GET
    public List<Tally> all() {
        return queries.all();
    }

    @GET
    @Path("/{pollId}")
    public Tally one(@PathParam("pollId") String pollId) {
        return queries.tally(pollId).orElseThrow(() ->
                new ProblemException(ProblemType.POLL_NOT_FOUND, "No tally for poll " + pollId));
    }
}
