package votes.ingest.abuse;

/**
 * A token bucket kept as one number, the GCRA's "theoretical arrival time" (tat): the bucket is full when
 * tat <= now, and each vote moves tat one emission interval (window / limit) on. A vote is admitted while the
 * bucket holds a token, i.e. while the new tat lies at most {@code burst} intervals ahead of now. One number
 * per key makes the Redis side one GET and one SET, and the refusal's wait exact in whole milliseconds. The same
 * arithmetic runs in check.lua (Redis) and in {@link LocalLimiter} (Redis down): keep them in step.
 */
public final class TokenBucket {

    private TokenBucket() {
    }

    /** Milliseconds one token takes to come back. */
    public static long interval(Limit limit) {
        return Math.max(1, limit.windowMillis() / limit.limit());
    }

    /** 0 when admitted (then the key's tat becomes {@link #nextTat}), else the milliseconds until it would be. */
    public static long retryAfter(Limit limit, long tat, long now) {
        long interval = interval(limit);
        long next = Math.max(tat, now) + interval;
        long wait = next - limit.burst() * interval - now;
        return Math.max(0, wait);
    }

    public static long nextTat(Limit limit, long tat, long now) {
        return Math.max(tat, now) + interval(limit);
    }
}
