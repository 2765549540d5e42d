package votes.perf.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The throwables a JVM created while a recording ran, from its jdk.ExceptionStatistics events (a running count, one
 * event per period): the last count minus the first, over the time between them.
 */
final class Throwables {

    private Instant first;
    private Instant last;
    private long firstCount;
    private long lastCount;

    void add(Instant at, long count) {
        if (first == null || at.isBefore(first)) {
            first = at;
            firstCount = count;
        }
        if (last == null || at.isAfter(last)) {
            last = at;
            lastCount = count;
        }
    }

    /** Per second between the first and last event; NaN with fewer than two events apart in time. */
    double perSecond() {
        if (first == null || !last.isAfter(first)) {
            return Double.NaN;
        }
        return (lastCount - firstCount) / (Duration.between(first, last).toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return first == null ? "no throwables counted (jdk.ExceptionStatistics off)"
                : String.format(Locale.ROOT, "throwables %.1f/s (%d over %.0f s)", perSecond(), lastCount - firstCount,
                Duration.between(first, last).toNanos() / 1e9);
    }
}
