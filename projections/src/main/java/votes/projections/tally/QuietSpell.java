package votes.projections.tally;

import java.time.Duration;

/**
 * Whether a row ends a quiet spell: the task saw no row for at least {@code quiet}. The tally processor asks Streams
 * to commit such a row's change at once ({@code ProcessorContext#commit}).
 *
 * <p>Why: Streams checks {@code commit.interval.ms} only between polls, and an idle thread's loop restarts that
 * interval each time its poll times out. So the first change after a pause was committed, and became readable to
 * read_committed consumers, only when the next poll timed out: up to {@code poll.ms} later (110 ms median measured
 * idle, perf/RESULTS.md). Under a steady flow no row ends a quiet spell, so the transactions per second stay what the
 * commit interval makes them; at a trickle each change was one transaction already, now it is committed sooner.
 */
final class QuietSpell {

    private final long quietMs;
    private long lastRowAtMs;
    private boolean seen;

    /** @param quiet zero: no row ends a spell (Streams' regular commit only) */
    QuietSpell(Duration quiet) {
        this.quietMs = quiet.toMillis();
    }

    /** Notes a row at {@code nowMs} (the thread's wall clock); true when the one before it is at least the spell ago. */
    boolean ends(long nowMs) {
        boolean ends = quietMs > 0 && (!seen || nowMs - lastRowAtMs >= quietMs);
        seen = true;
        lastRowAtMs = nowMs;
        return ends;
    }
}
