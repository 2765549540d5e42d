package votes.infra.gateway.stream;

import java.time.Duration;

/**
 * How long a relay waits before its next attempt to reach realtime again: doubling from {@code min} up to
 * {@code max}, each delay shortened by up to half at random, so a thousand relays cut off by one realtime restart
 * do not all knock at the same instant. Pure: the caller passes the random draw.
 */
public record Backoff(Duration min, Duration max) {

    public Backoff {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
        }
    }

    /**
     * @param failures consecutive failed attempts so far (1 after the first)
     * @param random   a draw in [0, 1)
     */
    long delayMillis(int failures, double random) {
        long ceiling = min.toMillis();
        for (int i = 1; i < failures && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        return Math.max(1, ceiling - (long) (ceiling * 0.5 * random));
    }
}
