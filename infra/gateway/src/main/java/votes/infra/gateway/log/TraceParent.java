package votes.infra.gateway.log;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The trace id of a W3C {@code traceparent} header (version-traceid-parentid-flags), so that the gateway's access line
 * can be joined with the services' lines of the same trace. Only a well-formed header counts: 32 lower-case hex
 * digits, not all zero (the spec's invalid id), version not ff.
 */
public final class TraceParent {

    public static final String HEADER = "traceparent";
    private static final Pattern FORMAT = Pattern.compile("(?!ff)[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");
    private static final String INVALID = "0".repeat(32);

    private TraceParent() {
    }

    public static Optional<String> traceId(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(header.strip());
        if (!m.matches() || m.group(1).equals(INVALID)) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }
}
