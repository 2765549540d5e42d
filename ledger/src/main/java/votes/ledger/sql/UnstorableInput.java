package votes.ledger.sql;

import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import votes.kit.problem.ProblemResponses;
import votes.kit.problem.ProblemType;

/**
 * A request whose value PostgreSQL refuses as data (SQLSTATE class 22 or 54, {@link SqlStates#permanent}: a NUL in a
 * poll id of the path, a value out of range) is the client's fault: 400 malformed-request, where service-kit's
 * catch-all answered 500 (found by infra/system-tests' fuzz suite: {@code GET /api/v1/polls/%00}). Any other database
 * failure stays a 500 and is logged there.
 */
public class UnstorableInput {

    private static final Logger LOG = Logger.getLogger(UnstorableInput.class);

    @ServerExceptionMapper
    public Response unstorable(PgException e) {
        if (!SqlStates.permanent(e)) {
            LOG.error("unexpected database error answering a request", e);
            return ProblemResponses.of(ProblemType.INTERNAL_ERROR, "see the service log");
        }
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST,
                "the request holds a value the ledger cannot store or look up: " + e.getErrorMessage());
    }
}
