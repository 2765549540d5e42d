package votes.infra.gateway;

import io.vertx.core.http.impl.HttpUtils;
import java.util.regex.Pattern;

/**
 * Which service owns a path of the HTTP API: vote submission and sessions (logout, the provider's back-channel
 * logout: ingest writes the token deny-list) are ingest's, results are realtime's, the rest of
 * the API is the ledger's, and everything outside /api (web pages) is realtime's.
 */
public final class Routes {

    private static final Pattern VOTES = Pattern.compile("^/api/v1/polls/[^/]+/votes/?$");
    private static final Pattern SESSIONS = Pattern.compile("^/api/v1/sessions/[^/]+/?$");
    private static final Pattern RESULTS = Pattern.compile("^/api/v1/polls/[^/]+/results(/stream)?/?$");
    private static final Pattern RESULTS_STREAM = Pattern.compile("^/api/v1/polls/[^/]+/results/stream/?$");
    private static final Pattern API = Pattern.compile("^/api(/.*)?$");
    /** Quarkus's non-application root (/q/health, /q/metrics, /q/openapi, /q/dev-ui...), matrix parameters too. */
    private static final Pattern SERVICE_INTERNAL = Pattern.compile("^/q([/;].*)?$");

    private Routes() {
    }

    /** By path only: the owner of a resource also answers its wrong methods (405 with Allow). */
    public static Upstream route(String uri) {
        String path = pathOf(uri);
        if (VOTES.matcher(path).matches() || SESSIONS.matcher(path).matches()) {
            return Upstream.INGEST;
        }
        if (RESULTS.matcher(path).matches()) {
            return Upstream.REALTIME;
        }
        if (API.matcher(path).matches()) {
            return Upstream.LEDGER;
        }
        return Upstream.REALTIME;
    }

    /**
     * A viewer's results stream: relayed by the gateway (one upstream subscription per poll) rather than proxied.
     * Only GET: realtime answers other methods itself (405), through the proxy.
     */
    public static boolean isResultsStream(String method, String uri) {
        return "GET".equals(method) && RESULTS_STREAM.matcher(pathOf(uri)).matches();
    }

    /**
     * A service's own endpoints, never reachable through the origin (health and metrics stay on the service ports).
     * Judged on the path as the services will route it: dot segments resolved, unreserved %-escapes decoded and
     * double slashes collapsed (Vert.x's normalisation), so {@code /api/../q/metrics} or {@code /%71/metrics}
     * cannot slip past. A path that cannot be normalised is refused too.
     */
    public static boolean isServiceInternal(String path) {
        try {
            return SERVICE_INTERNAL.matcher(HttpUtils.normalizePath(path)).matches();
        } catch (RuntimeException malformed) {
            return true;
        }
    }

    static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
