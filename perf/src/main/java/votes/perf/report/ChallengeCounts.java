package votes.perf.report;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The proof of work a phase had to do: how many answers were 403 {@code challenge-required}, how many of those the
 * generator solved and sent again, how many it gave up on (too many in a row), and how long the solving took (on
 * a worker thread: the event loops never hash). Mutable, one per event loop, merged at the end, like
 * {@link StatusCounts}; the solve time is part of each request's latency too (it is time the vote waited).
 */
public final class ChallengeCounts {

    private final Histogram solveTime = LatencySummary.newHistogram();
    private long challenges;
    private long gaveUp;

    public void recordChallenge() {
        challenges++;
    }

    public void recordSolved(long nanos) {
        LatencySummary.recordNanos(solveTime, nanos);
    }

    public void recordGaveUp() {
        gaveUp++;
    }

    public void add(ChallengeCounts other) {
        challenges += other.challenges;
        gaveUp += other.gaveUp;
        solveTime.add(other.solveTime);
    }

    public long challenges() {
        return challenges;
    }

    public long solved() {
        return solveTime.getTotalCount();
    }

    public long gaveUp() {
        return gaveUp;
    }

    public LatencySummary solveTime() {
        return LatencySummary.of(solveTime);
    }

    /** For a RESULT line: {@code challenges=… solved=… gave_up=… solve_p50ms=… solve_p99ms=… solve_maxms=…}. */
    @Override
    public String toString() {
        LatencySummary s = solveTime();
        return String.format(Locale.ROOT, "challenges=%d solved=%d gave_up=%d solve_p50ms=%.2f solve_p99ms=%.2f solve_maxms=%.2f",
                challenges, solved(), gaveUp, s.p50(), s.p99(), s.max());
    }
}
