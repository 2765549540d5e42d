package votes.kit.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Builds the one response shape every error takes. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        return of(problem, null);
    }

    public static Response of(ProblemType type, String detail) {
        return of(Problem.of(type, detail), null);
    }

    /** @param retryAfter when the client may try again; rounded up to whole seconds, or null */
    public static Response of(Problem problem, Duration retryAfter) {
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.body());
        if (retryAfter != null) {
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            response.header("Retry-After", Long.toString(seconds));
        }
        if (problem.type() == ProblemType.UNAUTHENTICATED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        } else if (problem.type() == ProblemType.TOKEN_REVOKED) {
            // RFC 6750: a revoked token is an invalid_token; the client signs in again (or refreshes, if its session lives).
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        return response.build();
    }
}
