package votes.kit.log;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Which share of requests gets an access-log line (VOTE_ACCESS_LOG_SAMPLE): 1.0 every request, 0 none. A load test
 * of thousands of votes per second sets it low, so that writing lines does not become what it measures. Plain Java:
 * the gateway uses it too.
 */
public record AccessLogSample(double rate) {

    /** The environment variable (and, in the services, the default of {@code votes.log.access-sample}). */
    public static final String ENV = "VOTE_ACCESS_LOG_SAMPLE";
    public static final AccessLogSample ALL = new AccessLogSample(1.0);

    public AccessLogSample {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(ENV + " must be between 0 and 1, got " + rate);
        }
    }

    /** Blank or absent: every request. */
    public static AccessLogSample parse(String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        try {
            return new AccessLogSample(Double.parseDouble(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV + " must be a number between 0 and 1, got '" + value + "'", e);
        }
    }

    public boolean keep() {
        return keep(ThreadLocalRandom.current()::nextDouble);
    }

    /** @param uniform a draw in [0, 1) */
    public boolean keep(DoubleSupplier uniform) {
        // No draw at the two ends: the default (1.0) costs nothing per request.
        return rate >= 1.0 || rate > 0.0 && uniform.getAsDouble() < rate;
    }
}
