package votes.infra.gateway.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The X-Request-Id of a request through the gateway, decided once at the edge and forwarded to the service: the
 * client's own when it is sane (as service-kit's RequestIds judges it, so the service keeps it), a fresh one
 * otherwise. The service echoes it; the gateway's access line and its own answers carry the same.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestId() {
    }

    public static String decide(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : fresh();
    }

    /** A correlation id, not a secret: no SecureRandom lock for 10,000 viewers connecting at once to queue on. */
    private static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
