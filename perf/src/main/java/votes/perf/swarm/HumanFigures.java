package votes.perf.swarm;

import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import votes.perf.report.LatencySummary;

/**
 * What the defence costs people: refused (429, or a challenge left unsolved), not accepted for another reason (503
 * shed, no answer: the stack, not the defence; shown so a busy run is recognised), challenged above
 * {@link #HARD_CHALLENGE_BITS} bits, flagged, and their latency (round trips plus a browser's modelled proof time)
 * against the same population with the defence off. The added p99 is the difference of the two p99s (the phases
 * have the same plan shape, not the same votes, so there is no per-vote pairing): on a noisy machine it swings by
 * hundreds of ms either way, so the challenge cost (per vote: the proofs' modelled time and the round trips after
 * the first answer) is reported beside it, a figure the machine's noise barely touches.
 */
public record HumanFigures(int attempted, double refusedShare, double otherShare, double hardChallengeShare,
                           double flaggedShare, LatencySummary latency, LatencySummary baseline,
                           LatencySummary challengeCost) {

    public static final int HARD_CHALLENGE_BITS = 18;
    public static final double REFUSED_TARGET = 0.005;
    public static final double ADDED_P99_TARGET_MS = 50;

    /**
     * @param measured         every result of the measured phase (people are picked out)
     * @param baselineMillis   the latencies of the baseline phase's people (defence off), answered votes only
     */
    public static HumanFigures of(List<VoteResult> measured, List<Double> baselineMillis) {
        List<VoteResult> people = humans(measured);
        long refused = people.stream().filter(r -> r.outcome() == Outcome.REFUSED || r.outcome() == Outcome.UNSOLVED)
                .count();
        long other = people.stream().filter(r -> r.outcome() == Outcome.OTHER || r.outcome() == Outcome.FAILED).count();
        long hard = people.stream().filter(r -> r.maxDifficulty() > HARD_CHALLENGE_BITS).count();
        long flagged = people.stream().filter(r -> r.outcome() == Outcome.ACCEPTED && r.flagged()).count();
        int n = people.size();
        return new HumanFigures(n, share(refused, n), share(other, n), share(hard, n), share(flagged, n),
                latency(answered(people).map(VoteResult::latencyMillis).toList()), latency(baselineMillis),
                latency(answered(people).map(VoteResult::challengeCostMillis).toList()));
    }

    /** p99 with the defence minus p99 without it (NaN without a baseline). */
    public double addedP99Millis() {
        return latency.p99() - baseline.p99();
    }

    public boolean refusedTargetMet() {
        return refusedShare <= REFUSED_TARGET;
    }

    /** False when there is no baseline to compare with. */
    public boolean addedLatencyTargetMet() {
        return addedP99Millis() < ADDED_P99_TARGET_MS;
    }

    /** The latencies of people's votes that got an answer (a failed vote has no latency to speak of). */
    public static List<Double> answeredLatencies(List<VoteResult> results) {
        return answered(humans(results)).map(VoteResult::latencyMillis).toList();
    }

    private static Stream<VoteResult> answered(List<VoteResult> people) {
        return people.stream().filter(r -> r.outcome() != Outcome.FAILED);
    }

    private static LatencySummary latency(List<Double> millis) {
        Histogram h = LatencySummary.newHistogram();
        millis.forEach(ms -> LatencySummary.recordNanos(h, Math.round(ms * 1_000_000)));
        return LatencySummary.of(h);
    }

    private static List<VoteResult> humans(List<VoteResult> results) {
        return results.stream().filter(r -> r.strategy() == Strategy.HUMAN).toList();
    }

    private static double share(long n, int of) {
        return of == 0 ? Double.NaN : (double) n / of;
    }
}
