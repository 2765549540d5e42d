package votes.ledger.flag;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.kit.problem.ProblemException;
import votes.kit.problem.ProblemType;
import votes.ledger.poll.PollStore;

/**
 * A poll's flag groups, worst first, for admins and auditors (fraud review; shapes in README.md, "Fraud review":
 * ../shared/API.md has no flags API). A class of its own: the REST layer routes a request to the root resource whose
 * path matches it best and never backtracks, so {@code /api/v1/polls/{id}/flags} cannot be a method of a class under
 * {@code /api/v1}, which {@code PollResource}'s {@code /api/v1/polls} would outmatch.
 */
@Path("/api/v1/polls/{pollId}/flags")
@Produces(MediaType.APPLICATION_JSON)
public class PollFlagsResource {

    private static final Sort WORST_FIRST = Sort.descending("score", "voteCount").and("flagId");

    private final PollStore polls;
    private final int maxList;

    PollFlagsResource(PollStore polls, @ConfigProperty(name = "ledger.flags.max-list") int maxList) {
        this.polls = polls;
        this.maxList = maxList;
    }

    @GET
    @RolesAllowed({"admin", "auditor"})
    public Uni<FlagView.PollFlags> list(@PathParam("pollId") String pollId, @QueryParam("status") String status,
                                        @QueryParam("limit") @DefaultValue("100") int limit) {
        if (status != null && FlagStatus.ofSlug(status).isEmpty()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "status must be open, confirmed or dismissed");
        }
        int size = Math.max(1, Math.min(limit, maxList));
        SessionContext context = SessionContext.current();
        return polls.find(pollId)
                .flatMap(poll -> {
                    if (poll == null) {
                        throw new ProblemException(ProblemType.POLL_NOT_FOUND, "no poll " + pollId);
                    }
                    return context.run(() -> Panache.withSession(() -> flags(pollId, status, size)));
                })
                .map(flags -> new FlagView.PollFlags(pollId, flags.stream().map(FlagView::of).toList()));
    }

    private static Uni<List<Flag>> flags(String pollId, String status, int size) {
        return (status == null
                ? Flag.<Flag>find("pollId = ?1", WORST_FIRST, pollId)
                : Flag.<Flag>find("pollId = ?1 and status = ?2", WORST_FIRST, pollId, status))
                .page(Page.ofSize(size)).list();
    }
}
