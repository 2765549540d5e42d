package votes.ledger.relay;

import java.time.Duration;

/**
 * How long the relay waits before its n-th consecutive attempt to start the engine again: doubling from
 * {@code first}, capped at {@code max}, so a relay that cannot start logs a few lines a minute, not one a second.
 */
record RestartDelay(Duration first, Duration max) {

    RestartDelay {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("restart delay needs 0 < first <= max, got " + first + " and " + max);
        }
    }

    /** @param failures consecutive failures so far, 1 after the first */
    Duration after(int failures) {
        if (failures <= 1) {
            return first;
        }
        // Doubling past the cap (or past 2^62 ns) only needs to stop at the cap.
        int doublings = Math.min(failures - 1, 62);
        long millis = first.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
