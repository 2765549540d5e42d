package votes.ledger.poll;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import votes.events.id.EventIds;
import votes.events.poll.Poll;
import votes.events.poll.PollCreated;
import votes.events.poll.PollRequest;
import votes.events.poll.PollView;
import votes.kit.log.LogIds;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemException;
import votes.kit.problem.ProblemResponses;
import votes.kit.problem.ProblemType;

/**
 * The admin side of polls. Polls are event-sourced: a change is first appended to {@code poll-events} (and
 * acknowledged), then applied to {@code polls}; if the log cannot take it, nothing is stored.
 */
@Path("/api/v1/polls")
@Produces(MediaType.APPLICATION_JSON)
public class PollResource {

    private static final Logger LOG = Logger.getLogger(PollResource.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final int MAX_LIST = 500;

    private final PollStore store;
    private final PollLog log;
    private final PollClosing closing;
    private final PollRequestValidator rules;

    PollResource(PollStore store, PollLog log, PollClosing closing, PollRequestValidator rules) {
        this.store = store;
        this.log = log;
        this.closing = closing;
        this.rules = rules;
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(PollRequest request) {
        List<String> violations = rules.violations(request);
        if (!violations.isEmpty()) {
            Problem problem = Problem.of(ProblemType.MALFORMED_REQUEST, String.join("; ", violations))
                    .with("violations", violations);
            return Uni.createFrom().item(ProblemResponses.of(problem));
        }
        PollCreated created = PollCreation.from(request, Instant.now());
        return log.append(created)
                .onFailure().transform(failure -> unavailable("poll-events cannot take the new poll", failure))
                .flatMap(appended -> store.apply(created))
                // A path, not an absolute URI: clients reach the ledger through the gateway's origin.
                .map(stored -> Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/api/v1/polls/" + created.pollId())
                        .entity(PollView.of(Poll.created(created), Instant.now()))
                        .build());
    }

    @GET
    @PermitAll
    @Path("{pollId}")
    public Uni<PollView> get(@PathParam("pollId") String pollId) {
        return store.find(pollId).map(poll -> PollView.of(existing(poll, pollId), Instant.now()));
    }

    @GET
    @PermitAll
    public Uni<List<PollView>> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        Instant now = Instant.now();
        return store.newestFirst(Math.max(1, Math.min(limit, MAX_LIST)))
                .map(polls -> polls.stream().map(poll -> PollView.of(poll, now)).toList());
    }

    /** See {@link PollClosing}: if poll-events cannot take the close, 503 and the poll stays closed in the ledger. */
    @POST
    @RolesAllowed("admin")
    @Path("{pollId}/close")
    public Uni<PollView> close(@PathParam("pollId") String pollId) {
        // What closing logs (a missing checkpoint, an unavailable store) names the poll; this request's own MDC.
        MDC.put(LogIds.POLL_ID, pollId);
        return store.find(pollId)
                .map(found -> existing(found, pollId))
                .flatMap(found -> closing.close(pollId)
                        .onFailure().transform(failure -> unavailable("the close could not be appended to poll-events", failure)))
                .map(poll -> existing(poll, pollId))
                // Judged at closedAt at the earliest: the database's clock may run a hair ahead of ours.
                .map(poll -> PollView.of(poll, latest(Instant.now(), poll.closedAt())));
    }

    private static Poll existing(Poll poll, String pollId) {
        if (poll == null) {
            throw new ProblemException(ProblemType.POLL_NOT_FOUND, "no poll " + pollId);
        }
        return poll;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static ProblemException unavailable(String detail, Throwable failure) {
        LOG.warnf("%s: %s", detail, failure.toString());
        return new ProblemException(Problem.of(ProblemType.UNAVAILABLE, detail + "; retry later"), RETRY_AFTER);
    }
}
