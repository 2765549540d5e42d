package votes.ingest.overload;

import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

/**
 * How far behind one event loop has stayed: how long a task handed to it waits before it runs (the time a vote whose
 * append was acknowledged waits for its 202), over its last two probes. A cold JVM or a saturated core shows here; a
 * slow Redis or broker does not (the loop just waits for them, idle), so shedding on this signal sheds for CPU, not
 * for slow dependencies. The smaller of two probes, sent at least {@code probeEvery} apart: one late probe is a burst
 * the loop has already worked off by the next turn (fifty votes landing at once), two in a row a loop that stays
 * behind. A measurement older than {@code freshFor} is forgotten, so the first vote after a quiet spell is not judged
 * by a busy spell long past.
 * <p>
 * Probes are sent by votes only (at most one outstanding), so an idle loop measures nothing and wakes for nothing.
 * One instance per event loop, touched only from that loop's thread (its probe runs there too).
 */
public final class LoopLag {

    private final long probeEveryNanos;
    private final long freshForNanos;
    private final LongConsumer measured;
    private boolean outstanding;
    private boolean sentAny;
    private long sentAt;
    private Probe newest;
    private Probe before;

    /** {@code measured} receives each probe's lag in nanoseconds (a metric). */
    public LoopLag(long probeEveryNanos, long freshForNanos, LongConsumer measured) {
        this.probeEveryNanos = probeEveryNanos;
        this.freshForNanos = freshForNanos;
        this.measured = measured;
    }

    /**
     * The loop's lag as known at {@code now} (System.nanoTime()), in nanoseconds: 0 until two fresh probes ran;
     * sends a probe to {@code loop} when one is due. {@code loop} must run the probe on this loop's thread, after
     * the tasks already queued there.
     */
    public long observe(long now, Executor loop) {
        if (!outstanding && (!sentAny || now - sentAt >= probeEveryNanos)) {
            sentAny = true;
            outstanding = true;
            sentAt = now;
            loop.execute(this::probeRan);
        }
        return before != null && now - before.ranAt() < freshForNanos ? Math.min(newest.lag(), before.lag()) : 0;
    }

    private void probeRan() {
        ran(System.nanoTime());
    }

    /** The probe ran at {@code now}. */
    void ran(long now) {
        outstanding = false;
        before = newest;
        newest = new Probe(now - sentAt, now);
        measured.accept(newest.lag());
    }

    /** One probe's wait for the loop, and when it ran. */
    private record Probe(long lag, long ranAt) {
    }
}
