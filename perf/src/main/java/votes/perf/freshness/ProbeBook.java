package votes.perf.freshness;

import java.util.Optional;
import org.HdrHistogram.Histogram;
import votes.perf.report.LatencySummary;

/**
 * Bookkeeping for freshness probes: a vote's 202 to the first SSE frame whose tally includes it.
 *
 * <p>Why several probe polls, one probe in flight on each: a tally only says how many votes it holds, not which.
 * Votes of different voters land on different Kafka partitions and the ledger records partitions independently,
 * so two probes in flight on one poll can be recorded in either order, and "totalVotes ≥ k" would not prove probe
 * k is in. Here a poll gets its m-th probe only after its (m-1)-th was seen in a frame, so at most m probes ever
 * existed on it when a frame says totalVotes ≥ m: the m-th is certainly counted. Probes go round-robin over the
 * polls at a fixed interval; a slot whose poll still waits for its probe is skipped (and counted), so the probe
 * rate never feeds back into what it measures. No load runs on probe polls: their totals count only probes.
 *
 * <p>A probe answered with anything but 202 retires its poll (the vote may or may not be in, so the count on
 * that poll no longer identifies probes). Pure bookkeeping, no clock, one thread.
 */
public final class ProbeBook {

    /** A probe to send now: vote as the poll's {@code probe}-th voter (1-based) in poll {@code poll}. */
    public record Probe(int poll, int probe) {
    }

    private static final long NONE = Long.MIN_VALUE;

    private final int polls;
    private final int[] sent;          // probes sent per poll = the number of the pending or last probe
    private final long[] postedAt;     // when the pending probe's POST was sent, NONE if not told
    private final long[] acceptedAt;   // 202 time of the pending probe, NONE before it
    private final long[] seenAt;       // first frame including the pending probe, NONE before it
    private final boolean[] pending;
    private final boolean[] retired;
    private int cursor;
    private Histogram freshness = LatencySummary.newHistogram();
    private Histogram fromPost = LatencySummary.newHistogram();
    private long started;
    private long completed;
    private long skipped;
    private long refused;
    private long seenBefore202;

    public ProbeBook(int polls) {
        if (polls < 1) {
            throw new IllegalArgumentException("at least one probe poll");
        }
        this.polls = polls;
        this.sent = new int[polls];
        this.postedAt = new long[polls];
        this.acceptedAt = new long[polls];
        this.seenAt = new long[polls];
        this.pending = new boolean[polls];
        this.retired = new boolean[polls];
    }

    /** The next round-robin slot: a probe if its poll is free, empty (and counted as skipped) if not. */
    public Optional<Probe> next() {
        int poll = cursor;
        cursor = (cursor + 1) % polls;
        if (pending[poll] || retired[poll]) {
            skipped++;
            return Optional.empty();
        }
        pending[poll] = true;
        postedAt[poll] = NONE;
        acceptedAt[poll] = NONE;
        seenAt[poll] = NONE;
        started++;
        return Optional.of(new Probe(poll, ++sent[poll]));
    }

    /** The pending probe of {@code poll} was POSTed at {@code nanos} (for the POST-to-frame figure). */
    public void posted(int poll, long nanos) {
        if (pending[poll]) {
            postedAt[poll] = nanos;
        }
    }

    /** The pending probe of {@code poll} was answered 202 at {@code nanos}. */
    public void accepted(int poll, long nanos) {
        if (!pending[poll] || acceptedAt[poll] != NONE) {
            return;
        }
        acceptedAt[poll] = nanos;
        if (seenAt[poll] != NONE) {
            seenBefore202++;
            complete(poll);
        }
    }

    /** The pending probe of {@code poll} got no 202 (an error status or no answer): the poll is retired. */
    public void refused(int poll) {
        if (pending[poll]) {
            refused++;
            pending[poll] = false;
            retired[poll] = true;
        }
    }

    /** A frame for {@code poll} holding {@code totalVotes}, received at {@code nanos}. */
    public void tally(int poll, long totalVotes, long nanos) {
        if (!pending[poll] || seenAt[poll] != NONE || totalVotes < sent[poll]) {
            return;
        }
        seenAt[poll] = nanos;
        if (acceptedAt[poll] != NONE) {
            complete(poll);
        }
    }

    private void complete(int poll) {
        LatencySummary.recordNanos(freshness, Math.max(0, seenAt[poll] - acceptedAt[poll]));
        if (postedAt[poll] != NONE) {
            LatencySummary.recordNanos(fromPost, Math.max(0, seenAt[poll] - postedAt[poll]));
        }
        completed++;
        pending[poll] = false;
    }

    /** Freshness of the probes completed since the last reset, in µs. */
    public Histogram freshness() {
        return freshness;
    }

    /**
     * POST sent to the first frame including the probe, in µs: when 202s are slow (a loaded ingest), frames can
     * beat them and the 202-based figure reads 0; this one still shows how far behind the dashboard is.
     */
    public Histogram fromPost() {
        return fromPost;
    }

    /** Starts a new measured window: drops the figures so far, keeps the polls' state. */
    public void resetFigures() {
        freshness = LatencySummary.newHistogram();
        fromPost = LatencySummary.newHistogram();
        started = 0;
        completed = 0;
        skipped = 0;
        refused = 0;
        seenBefore202 = 0;
    }

    /** Probes still waiting for their 202 or their frame. */
    public int pendingCount() {
        int n = 0;
        for (boolean p : pending) {
            n += p ? 1 : 0;
        }
        return n;
    }

    /** The highest probe number any poll reached (the voters the probes need). */
    public int maxProbe() {
        int max = 0;
        for (int s : sent) {
            max = Math.max(max, s);
        }
        return max;
    }

    public long started() {
        return started;
    }

    public long completed() {
        return completed;
    }

    public long skipped() {
        return skipped;
    }

    public long refused() {
        return refused;
    }

    /** Frames that included a probe before its 202 reached us (counted as freshness 0). */
    public long seenBefore202() {
        return seenBefore202;
    }
}
