package votes.ingest.vote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import votes.kit.problem.Problem;

/**
 * A problem+json answer serialized once and written straight to the Vert.x response, for refusals made in a
 * router filter before the REST layer (a body over the limit, a shed request): they must cost next to nothing.
 */
public final class RouteProblem {

    private final int status;
    private final byte[] body;
    private final String retryAfterSeconds;

    /** @param retryAfter the Retry-After to send, or null; rounded up to whole seconds as ProblemResponses does */
    public RouteProblem(ObjectMapper json, Problem problem, Duration retryAfter) throws JsonProcessingException {
        this.status = problem.status();
        this.body = json.writeValueAsBytes(problem.body());
        this.retryAfterSeconds = retryAfter == null ? null
                : Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    /** @param closeConnection true when an unread body is not worth draining */
    public void send(RoutingContext context, boolean closeConnection) {
        HttpServerResponse response = context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (retryAfterSeconds != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        if (closeConnection) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(Buffer.buffer(body));
    }
}
