package votes.ingest.abuse;

/**
 * A sliding log: the times of the admitted votes of the last window, kept per key (a sorted set in Redis).
 * Chosen over the two-window weighted approximation because it is exact: no key ever sees more than its limit in
 * ANY window (the approximation lets a boundary burst through and under-counts), and the refusal's Retry-After is
 * the exact moment the oldest vote that matters leaves the window. It costs one entry per admitted vote, at most
 * {@code limit} per key (refused votes are not logged), which is small for the per-client limits it serves.
 * <p>
 * Burst: {@code limit} per window spreads over it; {@code burst} caps how many come at once, as a second window
 * over the same log: at most {@code burst} in any {@code window * burst / limit} (10 per 60 s, burst 5: at most 5
 * in any 30 s). A burst >= limit adds nothing. The same arithmetic runs in check.lua and in {@link LocalLimiter}.
 */
public final class SlidingLog {

    private SlidingLog() {
    }

    /** The window the burst is counted over. */
    public static long burstWindow(Limit limit) {
        return limit.burst() >= limit.limit() ? limit.windowMillis() : limit.windowMillis() * limit.burst() / limit.limit();
    }

    /**
     * 0 when one more vote at {@code now} is admitted, else the milliseconds until it would be.
     * @param times the logged votes still in the window (newer than now - window), oldest first
     */
    public static long retryAfter(Limit limit, long[] times, int count, long now) {
        long wait = 0;
        if (count >= limit.limit()) {
            wait = times[(int) (count - limit.limit())] + limit.windowMillis() - now;
        }
        long burstWindow = burstWindow(limit);
        if (limit.burst() < limit.limit() && inLast(times, count, now - burstWindow) >= limit.burst()) {
            wait = Math.max(wait, times[(int) (count - limit.burst())] + burstWindow - now);
        }
        return Math.max(0, wait);
    }

    /** How many of the times are newer than {@code after}. */
    static int inLast(long[] times, int count, long after) {
        int n = 0;
        for (int i = count - 1; i >= 0 && times[i] > after; i--) {
            n++;
        }
        return n;
    }
}
