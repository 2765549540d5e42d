package votes.ingest.poll;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import votes.events.poll.PollView;

/** The ledger's poll API, asked only when a vote names a poll our cache has not seen yet. */
@RegisterRestClient(configKey = "ledger")
@Path("/api/v1/polls")
public interface LedgerPolls {

    @GET
    @Path("/{pollId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<PollView> get(@PathParam("pollId") String pollId);
}
