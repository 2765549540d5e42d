package votes.ledger.checkpoint;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.kit.problem.ProblemException;
import votes.kit.problem.ProblemType;

/** {@code GET /api/v1/checkpoints/latest} and {@code /{sequence}}: signed checkpoints, for auditors. */
@Path("/api/v1/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "auditor"})
public class CheckpointResource {

    private final CheckpointStore store;

    CheckpointResource(CheckpointStore store) {
        this.store = store;
    }

    @GET
    @Path("latest")
    public Uni<SignedCheckpoint> latest() {
        return store.latest().map(found -> existing(found, "no checkpoint yet"));
    }

    @GET
    @Path("{sequence}")
    public Uni<SignedCheckpoint> bySequence(@PathParam("sequence") String sequence) {
        long number;
        try {
            number = Long.parseLong(sequence);
        } catch (NumberFormatException e) {
            return Uni.createFrom().failure(notFound("no checkpoint " + sequence));
        }
        return store.bySequence(number).map(found -> existing(found, "no checkpoint " + sequence));
    }

    private static SignedCheckpoint existing(SignedCheckpoint found, String detail) {
        if (found == null) {
            throw notFound(detail);
        }
        return found;
    }

    private static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }
}
