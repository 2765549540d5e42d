package votes.ledger.poll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemType;

/**
 * Refuses a new poll whose declared Content-Length is over ledger.poll.max-body-size with the API's 413
 * problem+json before a byte of it is read: a poll within every length limit is a few KiB, and Quarkus's own limit
 * (10 MiB, a bare 413 without a body) would let an admin token make the ledger parse megabytes of JSON. A body sent
 * without a length (chunked) is bounded by quarkus.http.limits.max-body-size.
 */
@ApplicationScoped
public class PollBodyLimit {

    /** After service-kit's X-Request-Id filter (-1000), before security and the REST layer read the body. */
    static final int ORDER = -900;
    private static final String CREATE_ROUTE = "/api/v1/polls/?";

    private final long maxBytes;
    private final Buffer tooLarge;

    public PollBodyLimit(ObjectMapper json, @ConfigProperty(name = "ledger.poll.max-body-size") MemorySize maxBodySize)
            throws JsonProcessingException {
        this.maxBytes = maxBodySize.asLongValue();
        this.tooLarge = Buffer.buffer(json.writeValueAsBytes(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "a new poll takes at most " + maxBytes + " bytes of JSON").body()));
    }

    void install(@Observes Router router) {
        router.postWithRegex(CREATE_ROUTE).order(ORDER).handler(context -> {
            if (declaredOver(context.request().getHeader(HttpHeaders.CONTENT_LENGTH))) {
                // The unread body is not worth draining: close the connection after the answer.
                context.response().setStatusCode(ProblemType.PAYLOAD_TOO_LARGE.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(tooLarge);
                return;
            }
            context.next();
        });
    }

    boolean declaredOver(String contentLength) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
