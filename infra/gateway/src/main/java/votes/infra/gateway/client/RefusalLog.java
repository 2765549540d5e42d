package votes.infra.gateway.client;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Log lines about refused clients, at most one per interval: a client hammering the gateway must not fill its
 * disk with one line per connection. The first refusal after a quiet interval is told at once; the ones after it
 * are summed up (how many, why, one example address) when the interval has passed. Pure: the caller passes the
 * clock and prints the lines.
 */
public final class RefusalLog {

    private final long intervalNanos;
    private final Map<Admission, Long> counts = new EnumMap<>(Admission.class);
    private String example;
    private long windowStart;
    private boolean windowOpen;

    public RefusalLog(java.time.Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** @return a line to log now, if any */
    public synchronized Optional<String> refused(Admission reason, String address, long nowNanos) {
        if (!windowOpen) {
            windowOpen = true;
            windowStart = nowNanos;
            return Optional.of(String.format(Locale.ROOT, "refused a connection from %s (%s); further refusals are"
                    + " summed up every %d s", address, reason.label(), intervalNanos / 1_000_000_000L));
        }
        counts.merge(reason, 1L, Long::sum);
        if (example == null) {
            example = address;
        }
        return flush(nowNanos);
    }

    /** Called periodically too, so the last window's sum is told even when refusals stop. */
    public synchronized Optional<String> flush(long nowNanos) {
        if (!windowOpen || nowNanos - windowStart < intervalNanos) {
            return Optional.empty();
        }
        if (counts.isEmpty()) {
            windowOpen = false; // a quiet interval: the next refusal is told at once again
            return Optional.empty();
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "refused %d more connections in %.0f s (",
                total, (nowNanos - windowStart) / 1e9));
        String separator = "";
        for (var e : counts.entrySet()) {
            line.append(separator).append(e.getValue()).append(' ').append(e.getKey().label());
            separator = ", ";
        }
        line.append("; e.g. from ").append(example).append(')');
        counts.clear();
        example = null;
        windowStart = nowNanos;
        return Optional.of(line.toString());
    }
}
