package votes.perf.freshness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import votes.perf.report.LatencySummary;

/**
 * The per-hop breakdown of probe freshness: for each probe poll's pending probe, the wall time (µs) at which it was
 * first seen at each {@link Hop}; once it has been seen at all of them, each consecutive difference goes into that
 * hop's histogram, and the first to the last into the end-to-end one.
 *
 * <p>Identifying the probe rests on {@link ProbeBook}'s rule: a poll's m-th probe is sent only after the (m-1)-th was
 * seen in a frame, and only probes vote on probe polls, so the first time a stage's running count for the poll reaches
 * m, that is the m-th probe passing it. Stages that run ahead of the 202 (a fast ledger, a slow answer) give a negative
 * difference, recorded as 0 and counted in {@link #early}. Thread-safe (the Kafka reader and the client loop both
 * write): a monitor per book, a few calls per probe.
 */
public final class HopBook {

    private static final long NONE = Long.MIN_VALUE;

    private final Map<String, Integer> pollIndex = new HashMap<>();
    private final int[] expected;
    private final long[][] seenAt;
    private final long[] deltaSum;
    private Histogram[] hops = histograms(Hop.values().length - 1);
    private Histogram endToEnd = LatencySummary.newHistogram();
    private long early;

    public HopBook(List<String> probePollIds) {
        for (int i = 0; i < probePollIds.size(); i++) {
            pollIndex.put(probePollIds.get(i), i);
        }
        expected = new int[probePollIds.size()];
        seenAt = new long[probePollIds.size()][Hop.values().length];
        deltaSum = new long[probePollIds.size()];
        for (long[] marks : seenAt) {
            Arrays.fill(marks, NONE);
        }
    }

    /** The poll's index among the probe polls, or -1 for any other poll. */
    public synchronized int poll(String pollId) {
        return pollIndex.getOrDefault(pollId, -1);
    }

    /** Probe number {@code probe} (1-based) of poll {@code poll} is on its way: its marks start empty. */
    public synchronized void expect(int poll, int probe) {
        expected[poll] = probe;
        Arrays.fill(seenAt[poll], NONE);
    }

    /** A delta of {@code votes} for the poll; the marks of the three delta stages go to the probe it completes. */
    public synchronized void delta(int poll, long votes, long committedMicros, long relayedMicros, long readMicros) {
        deltaSum[poll] += votes;
        mark(poll, Hop.COMMITTED, deltaSum[poll], committedMicros);
        mark(poll, Hop.RELAYED, deltaSum[poll], relayedMicros);
        mark(poll, Hop.DELTA_READ, deltaSum[poll], readMicros);
    }

    /** The poll was seen at {@code hop} holding {@code count} votes at {@code micros} (wall clock). */
    public synchronized void mark(int poll, Hop hop, long count, long micros) {
        int probe = expected[poll];
        if (probe == 0 || count < probe || seenAt[poll][hop.ordinal()] != NONE) {
            return;
        }
        seenAt[poll][hop.ordinal()] = micros;
        complete(poll);
    }

    private void complete(int poll) {
        long[] marks = seenAt[poll];
        for (long m : marks) {
            if (m == NONE) {
                return;
            }
        }
        for (int h = 0; h < hops.length; h++) {
            record(hops[h], marks[h + 1] - marks[h]);
        }
        record(endToEnd, marks[marks.length - 1] - marks[0]);
        expected[poll] = 0;
    }

    private void record(Histogram histogram, long micros) {
        if (micros < 0) {
            early++;
        }
        LatencySummary.recordNanos(histogram, micros * 1_000);
    }

    /** Each hop's figures since the last reset, in path order: "ledger commit -> relay send" and so on. */
    public synchronized List<Leg> legs() {
        List<Leg> legs = new ArrayList<>();
        Hop[] all = Hop.values();
        for (int h = 0; h < hops.length; h++) {
            legs.add(new Leg(all[h].label() + " -> " + all[h + 1].label(), LatencySummary.of(hops[h])));
        }
        legs.add(new Leg(all[0].label() + " -> " + all[all.length - 1].label() + " (same probes)", LatencySummary.of(endToEnd)));
        return legs;
    }

    /** Differences that came out negative (a later stage's clock ahead of an earlier one's), recorded as 0. */
    public synchronized long early() {
        return early;
    }

    /** Starts a new measured window (after the warm-up); pending probes keep their marks. */
    public synchronized void resetFigures() {
        hops = histograms(hops.length);
        endToEnd = LatencySummary.newHistogram();
        early = 0;
    }

    private static Histogram[] histograms(int n) {
        Histogram[] h = new Histogram[n];
        for (int i = 0; i < n; i++) {
            h[i] = LatencySummary.newHistogram();
        }
        return h;
    }

    /** One hop's name and figures. */
    public record Leg(String name, LatencySummary latency) {
    }
}
