package votes.ledger.flag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemException;
import votes.kit.problem.ProblemType;

/**
 * An admin's decision on a flag group ({@link FlagReview}); shapes in README.md, "Fraud review". A confirm whose void
 * poll-events did not take answers 503 with Retry-After, and the flag stays open.
 */
@Path("/api/v1/flags")
@Produces(MediaType.APPLICATION_JSON)
public class FlagReviewResource {

    private static final Logger LOG = Logger.getLogger(FlagReviewResource.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final FlagReview review;
    private final SecurityIdentity identity;
    private final int maxNoteLength;

    FlagReviewResource(FlagReview review, SecurityIdentity identity,
                       @ConfigProperty(name = "ledger.flags.max-note-length") int maxNoteLength) {
        this.review = review;
        this.identity = identity;
        this.maxNoteLength = maxNoteLength;
    }

    @POST
    @RolesAllowed("admin")
    @Path("{flagId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<FlagView> review(@PathParam("flagId") String flagId, ReviewRequest request) {
        if (!FlagIds.wellFormed(flagId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no flag " + flagId);
        }
        List<String> violations = ReviewRequest.violations(request, maxNoteLength);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.MALFORMED_REQUEST, String.join("; ", violations))
                    .with("violations", violations));
        }
        String reviewer = identity.getPrincipal().getName();
        if (!request.confirms()) {
            return review.dismiss(flagId, request.note(), reviewer).map(FlagView::of);
        }
        return review.confirm(flagId, request.note(), reviewer)
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(FlagReviewResource::unavailable)
                .map(FlagView::of);
    }

    private static ProblemException unavailable(Throwable failure) {
        LOG.warnf("a confirm could not void its votes: %s", failure.toString());
        return new ProblemException(Problem.of(ProblemType.UNAVAILABLE,
                "poll-events did not take the void; the flag stays open, retry later"), RETRY_AFTER);
    }
}
