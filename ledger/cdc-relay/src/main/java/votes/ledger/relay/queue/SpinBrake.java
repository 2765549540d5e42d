package votes.ledger.relay.queue;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Parks a thread that keeps finding the change-event queue empty within one wall-clock millisecond until that
 * millisecond is over. Debezium 3.6's {@code ChangeEventQueue.poll} waits for a batch on a millisecond timer: once the
 * timer shows 0 ms left but has not expired ({@code elapsed > interval}, strictly), it skips the wait and loops
 * on the clock, asking the queue's size thousands of times until the millisecond turns. Every poll interval ends
 * that way, whether rows flow or not: 0.9 ms of CPU per interval, ~18 ms/s at 50 ms (perf/RESULTS.md, "Idle burn").
 * Parking through the rest of that millisecond ends the poll at the same instant, without the spin. The poller
 * holds the queue's lock through the spin as through the park, so the WAL reader waits no longer either way.
 */
final class SpinBrake {

    /**
     * Empty looks by one thread within one millisecond before it is parked. An honest poll looks at most twice in a
     * millisecond before it waits (its opening size, its first drain) and once more after each wait; a new poll
     * straight after one that ended can add two more. The spin makes thousands.
     */
    static final int LOOKS_BEFORE_PARK = 8;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** Wake just past the millisecond's end, where Debezium's timer (System.currentTimeMillis) has turned too. */
    private static final long PAST_THE_TURN_NANOS = 20_000L;

    /** Wall-clock time in nanoseconds since the epoch: the clock System.currentTimeMillis reads, finer. */
    interface WallClock {
        long epochNanos();
    }

    interface Parker {
        void parkNanos(long nanos);
    }

    private final WallClock clock;
    private final Parker parker;
    private long millisecond = -1;
    private Thread looker;
    private int looks;

    SpinBrake(WallClock clock, Parker parker) {
        this.clock = clock;
        this.parker = parker;
    }

    static SpinBrake system() {
        return new SpinBrake(SpinBrake::wallNanos, LockSupport::parkNanos);
    }

    static long wallNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** The queue was found empty by the calling thread; parks it if it is spinning. */
    void emptyLook() {
        long park = parkFor(Thread.currentThread(), clock.epochNanos());
        if (park > 0) {
            parker.parkNanos(park);
        }
    }

    /** The queue held something: whoever looks next is not spinning. */
    synchronized void filled() {
        looker = null;
        looks = 0;
    }

    private synchronized long parkFor(Thread thread, long nowNanos) {
        long now = nowNanos / NANOS_PER_MILLI;
        if (thread != looker || now != millisecond) {
            looker = thread;
            millisecond = now;
            looks = 1;
            return 0;
        }
        if (++looks < LOOKS_BEFORE_PARK) {
            return 0;
        }
        looks = 0;
        return NANOS_PER_MILLI - nowNanos % NANOS_PER_MILLI + PAST_THE_TURN_NANOS;
    }
}
