package votes.ingest.vote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemType;

/**
 * Refuses a vote whose declared Content-Length is over 4 KiB with the API's 413 problem+json before a byte
 * of it is read (Vert.x's own body limit would answer a bare 413 with no body). Bodies without a length
 * (chunked) are caught by {@link VoteRequestParser} once read, under quarkus.http.limits.max-body-size.
 */
@ApplicationScoped
public class BodyLimit {

    // After service-kit's X-Request-Id filter (-1000), before the concurrency gate, security and body handling.
    public static final int ORDER = -900;

    private final RouteProblem tooLarge;

    public BodyLimit(ObjectMapper json) throws JsonProcessingException {
        this.tooLarge = new RouteProblem(json, Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "at most " + VoteRequestParser.MAX_BODY_BYTES + " bytes are taken"), null);
    }

    void install(@Observes Router router) {
        router.post(VoteResource.ROUTE).order(ORDER).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declaredOver(length)) {
                tooLarge.send(context, true); // the unread body is not worth draining
                return;
            }
            context.next();
        });
    }

    private static boolean declaredOver(String length) {
        try {
            return Long.parseLong(length.trim()) > VoteRequestParser.MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
