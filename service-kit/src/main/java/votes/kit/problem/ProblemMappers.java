package votes.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every exception that reaches the REST layer leaves as problem+json. Security exceptions only arrive here
 * when services run with {@code quarkus.http.auth.proactive=false}; that is why they all do.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemResponses.of(e.problem(), e.retryAfter());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return ProblemResponses.of(ProblemType.UNAUTHENTICATED, "a valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return ProblemResponses.of(ProblemType.UNAUTHENTICATED, "the bearer token is missing, expired or badly signed");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, "the token lacks the group this request needs");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return ProblemResponses.of(ProblemType.forStatus(status), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected error answering a request", e);
        return ProblemResponses.of(ProblemType.INTERNAL_ERROR, "see the service log");
    }

    private static Response malformed(JsonProcessingException e) {
        // Only Jackson's first line: the rest names our classes and is noise to a client.
        String message = e.getOriginalMessage();
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, "the body is not the JSON this endpoint takes: " + message);
    }
}
