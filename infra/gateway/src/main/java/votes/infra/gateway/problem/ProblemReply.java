package votes.infra.gateway.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemType;

/** The gateway's own errors in the services' format: service-kit's {@link Problem}, as application/problem+json. */
public final class ProblemReply {

    private ProblemReply() {
    }

    /** An upstream the gateway could not reach (connection refused, timed out): 502. */
    public static Problem unreachable(String upstream) {
        return Problem.of(ProblemType.BAD_GATEWAY, "The " + upstream + " service is not reachable.")
                .with("upstream", upstream);
    }

    /** Every pooled connection to an upstream is busy and the wait queue is full: 503, shed rather than queue. */
    public static Problem busy(String upstream) {
        return Problem.of(ProblemType.UNAVAILABLE, "The gateway has too many requests waiting for the " + upstream
                + " service; retry shortly.").with("upstream", upstream);
    }

    public static String json(Problem problem) {
        return new JsonObject(problem.body()).encode();
    }

    /** Ends the response with the problem; a response already started or closed is left alone. */
    public static void send(HttpServerResponse response, Problem problem, Duration retryAfter) {
        if (response.headWritten() || response.closed()) {
            return;
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (retryAfter != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        response.end(json(problem));
    }
}
