package votes.perf.bare;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Same path, body and answer shape as ingest's vote endpoint, with none of its work: what Quarkus REST + Jackson
 * cost per request on this machine. Runs on the event loop, as ingest's reactive endpoint does.
 */
@Path("/api/v1/polls/{pollId}/votes")
public class BareVoteResource {

    public record VoteRequest(String optionId) {
    }

    public record Accepted(String receiptId, String pollId, String optionId, String status, Instant acceptedAt) {
    }

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<Accepted> vote(@RestPath String pollId, VoteRequest request) {
        if (request == null || request.optionId() == null) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String receiptId = new UUID(random.nextLong(), random.nextLong()).toString();
        return RestResponse.status(RestResponse.Status.ACCEPTED,
                new Accepted(receiptId, pollId, request.optionId(), "accepted", Instant.now()));
    }
}
