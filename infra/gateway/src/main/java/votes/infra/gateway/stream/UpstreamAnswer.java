package votes.infra.gateway.stream;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A non-200 answer of realtime to a stream subscription (404 problem+json for an unknown poll, say), kept just
 * long enough to give it as is to the viewers that were waiting for that subscription. Never cached: the next
 * viewer's subscription asks realtime again.
 */
record UpstreamAnswer(int status, Map<String, String> headers, Buffer body) {

    /** Hop-by-hop or rewritten: the gateway frames its own response to each viewer. */
    private static final Set<String> NOT_PASSED = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "x-request-id", "upgrade", "proxy-connection", "te", "trailer");

    static UpstreamAnswer of(int status, MultiMap upstreamHeaders, Buffer body) {
        Map<String, String> passed = new LinkedHashMap<>();
        upstreamHeaders.forEach(h -> {
            if (!NOT_PASSED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                passed.merge(h.getKey(), h.getValue(), (a, b) -> a + ", " + b);
            }
        });
        return new UpstreamAnswer(status, Map.copyOf(passed), body);
    }
}
