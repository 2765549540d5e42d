package votes.ingest.overload;

import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

/**
 * How long a task handed to one event loop waits before it runs: the time a vote whose append was acknowledged waits
 * for its 202. A cold JVM or a saturated core shows here; a slow Redis or broker does not (the loop waits for them
 * idle), which is what an operator needs to tell a starved pod from a slow dependency (votes_loop_lag_seconds).
 * <p>
 * Not a shedding signal: after a broker failover the queued acks complete on the loop at once and look like a loop
 * that stays behind (perf/RESULTS.md). Ingest sheds by the votes waiting before the log instead (ConcurrencyGate).
 * <p>
 * Probes are sent by votes only (at most one outstanding, at least {@code probeEvery} apart), so an idle loop
 * measures nothing and wakes for nothing. One instance per event loop, touched only from that loop's thread (its probe
 * runs there too).
 */
public final class LoopLag {

    private final long probeEveryNanos;
    private final LongConsumer measured;
    private boolean outstanding;
    private boolean sentAny;
    private long sentAt;

    /** {@code measured} receives each probe's lag in nanoseconds (a metric). */
    public LoopLag(long probeEveryNanos, LongConsumer measured) {
        this.probeEveryNanos = probeEveryNanos;
        this.measured = measured;
    }

    /**
     * A vote arrived at {@code now} (System.nanoTime()): sends a probe to {@code loop} when one is due. {@code loop}
     * must run the probe on this loop's thread, after the tasks already queued there.
     */
    public void observe(long now, Executor loop) {
        if (!outstanding && (!sentAny || now - sentAt >= probeEveryNanos)) {
            sentAny = true;
            outstanding = true;
            sentAt = now;
            loop.execute(this::probeRan);
        }
    }

    private void probeRan() {
        ran(System.nanoTime());
    }

    /** The probe ran at {@code now}. */
    void ran(long now) {
        outstanding = false;
        measured.accept(now - sentAt);
    }
}
