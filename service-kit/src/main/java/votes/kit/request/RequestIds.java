package votes.kit.request;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.MDC;
import votes.kit.log.LogIds;

/**
 * Every response carries {@code X-Request-Id}: the caller's own when it sent a sane one (so a trace can
 * follow a request across the gateway and services), a fresh one otherwise. A router filter rather than a
 * REST filter, so health, metrics and refused requests carry it too. The id is also in the MDC of every line logged
 * while the request is served, access-log line included (Quarkus keeps the MDC per request's Vert.x context).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** Context key under which handlers find the id. */
    public static final String CONTEXT_KEY = "votes.requestId";

    private static final int MAX_LENGTH = 128;
    // Before every route Quarkus installs, including security and body handling.
    private static final int ORDER = -1000;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            String incoming = context.request().getHeader(HEADER);
            String id = sane(incoming) ? incoming : fresh();
            context.put(CONTEXT_KEY, id);
            MDC.put(LogIds.REQUEST_ID, id);
            context.response().putHeader(HEADER, id);
            context.next();
        });
    }

    /**
     * Whether a caller's id is kept: 1 to 128 of {@code [A-Za-z0-9._:-]}, nothing a log line or a header could be
     * forged with. A loop rather than a pattern: it runs on every request of every service and of the gateway.
     */
    public static boolean sane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * A fresh id. A correlation id, not a secret: no SecureRandom lock for a burst of requests (10,000 viewers
     * connecting at once through the gateway) to queue on.
     */
    public static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
