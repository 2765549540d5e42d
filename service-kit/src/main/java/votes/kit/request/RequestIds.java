package votes.kit.request;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
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

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    // Before every route Quarkus installs, including security and body handling.
    private static final int ORDER = -1000;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            String incoming = context.request().getHeader(HEADER);
            String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
            context.put(CONTEXT_KEY, id);
            MDC.put(LogIds.REQUEST_ID, id);
            context.response().putHeader(HEADER, id);
            context.next();
        });
    }
}
