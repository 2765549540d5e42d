package votes.projections.tally;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a row ends a quiet spell: no task of this instance saw a row for at least {@code quiet}. The tally
 * processor asks Streams to commit such a row's change at once ({@code ProcessorContext#commit}).
 *
 * <p>Why: Streams checks {@code commit.interval.ms} only between polls, and an idle thread's loop restarts that
 * interval each time its poll times out. So the first change after a pause was committed, and became readable to
 * read_committed consumers, only when the next poll timed out: up to {@code poll.ms} later (110 ms median measured
 * idle, perf/RESULTS.md). Under a steady flow no row ends a quiet spell, so the transactions per second stay what the
 * commit interval makes them.
 *
 * <p>One spell for all the instance's tasks, not one per task: a commit covers every task of the thread anyway, and
 * per task, rows spread over six partitions each looked like the end of a spell, so nearly every row became a
 * transaction of its own (measured: the Streams hop twice as slow at 4 votes/s on one busy core).
 */
final class QuietSpell {

    private static final long NEVER = Long.MIN_VALUE;

    private final long quietMs;
    private final AtomicLong lastRowAtMs = new AtomicLong(NEVER);

    /** @param quiet zero: no row ends a spell (Streams' regular commit only) */
    QuietSpell(Duration quiet) {
        this.quietMs = quiet.toMillis();
    }

    /** Notes a row at {@code nowMs} (a stream thread's clock); true when the row before it is a spell or more ago. */
    boolean ends(long nowMs) {
        long previous = lastRowAtMs.getAndSet(nowMs);
        return quietMs > 0 && (previous == NEVER || nowMs - previous >= quietMs);
    }
}
