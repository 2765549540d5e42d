package votes.perf.load;

/**
 * The open model: request j of a phase is due at a fixed intended time, {@code j / rate} seconds after the phase
 * starts, whatever happened to earlier requests. Latency is measured from that intended time, so a stalled server
 * is charged for the requests it kept waiting (no coordinated omission).
 *
 * <p>Requests are dealt round-robin to {@code workers} event loops: worker w sends j = w, w + workers, ...
 * Pure arithmetic, no clock.
 */
public record ArrivalSchedule(double ratePerSecond, long totalRequests, int workers) {

    public ArrivalSchedule {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be > 0, got " + ratePerSecond);
        }
        if (totalRequests < 0) {
            throw new IllegalArgumentException("totalRequests must be >= 0");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1");
        }
    }

    /** The phase's request count for a rate held for the given time (rounded down, at least one request). */
    public static long requestsFor(double ratePerSecond, double seconds) {
        return Math.max(1, (long) Math.floor(ratePerSecond * seconds));
    }

    /** Nanoseconds after the phase start at which request j is due. */
    public long intendedOffsetNanos(long j) {
        return Math.round(j * 1_000_000_000d / ratePerSecond);
    }

    /** How many requests of the whole phase are due once {@code elapsedNanos} have passed (request 0 is due at 0). */
    public long dueCount(long elapsedNanos) {
        if (elapsedNanos < 0) {
            return 0;
        }
        long due = (long) Math.floor(elapsedNanos * ratePerSecond / 1_000_000_000d) + 1;
        return Math.min(due, totalRequests);
    }

    /** How many requests worker w owns in the phase. */
    public long countFor(int worker) {
        checkWorker(worker);
        return totalRequests <= worker ? 0 : (totalRequests - 1 - worker) / workers + 1;
    }

    /** How many of worker w's requests are due after {@code elapsedNanos}. */
    public long dueCountFor(int worker, long elapsedNanos) {
        checkWorker(worker);
        long due = dueCount(elapsedNanos);
        return due <= worker ? 0 : (due - 1 - worker) / workers + 1;
    }

    /** The phase index j of worker w's k-th request. */
    public long requestIndex(int worker, long k) {
        return worker + k * workers;
    }

    private void checkWorker(int worker) {
        if (worker < 0 || worker >= workers) {
            throw new IllegalArgumentException("worker " + worker + " not in [0," + workers + ")");
        }
    }
}
