package votes.realtime.stream;

/**
 * When a poll's stream may publish: the first change after a quiet spell goes out at once (low latency),
 * changes that follow within {@code interval} are folded into one publication at the end of the interval
 * (at most one per interval, always the latest state). Pure and clock-free, so tests drive time by hand;
 * not thread-safe, its {@link PollFeed} guards it.
 */
final class Coalescer {

    /** Returned by {@link #changed}: a timer is already armed, it will publish this change too. */
    static final long ALREADY_ARMED = -1;

    private final long intervalNanos;
    private boolean publishedOnce;
    private long lastPublishedAt;
    private boolean armed;
    private boolean dirty;

    Coalescer(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /**
     * A newer state arrived at {@code now}.
     * @return 0 to publish now, a positive delay (nanos) after which to call {@link #timerFired}, or
     *         {@link #ALREADY_ARMED}
     */
    long changed(long now) {
        dirty = true;
        if (armed) {
            return ALREADY_ARMED;
        }
        long since = now - lastPublishedAt;
        if (!publishedOnce || since >= intervalNanos) {
            return 0;
        }
        armed = true;
        return intervalNanos - since;
    }

    /** @return true when there is a state to publish now */
    boolean timerFired() {
        armed = false;
        return dirty;
    }

    void published(long now) {
        publishedOnce = true;
        lastPublishedAt = now;
        dirty = false;
    }
}
