package votes.perf.swarm;

import java.util.Comparator;
import java.util.List;
import org.HdrHistogram.Histogram;
import votes.perf.report.LatencySummary;

/**
 * What the defence costs one phase's people: refused (429, or a challenge left unsolved), not accepted for another
 * reason (503 shed, no answer: the stack, not the defence; shown so a busy run is recognised), challenged above
 * {@link #HARD_CHALLENGE_BITS} bits, flagged, and their latency (round trips plus a browser's modelled proof time)
 * against the baseline's people (alone, defence off; {@link AddedLatency}: the phases have the same plan shape, not
 * the same votes, so there is no per-vote pairing). The challenge cost (per vote: the proofs' modelled time and the
 * round trips after the first answer) is reported beside it, a figure the machine's noise barely touches. The p99s
 * of the phase's first and second half (by due time) show a phase that was not steady: a JVM still warming up, a
 * neighbour's build starting.
 */
public record HumanFigures(int attempted, double refusedShare, double otherShare, double hardChallengeShare,
                           double flaggedShare, AddedLatency latency, double p99FirstHalf, double p99SecondHalf,
                           LatencySummary challengeCost) {

    public static final int HARD_CHALLENGE_BITS = 18;
    public static final double REFUSED_TARGET = 0.005;
    public static final double ADDED_P99_TARGET_MS = 50;

    /**
     * @param people   a phase's people's votes
     * @param baseline the baseline phase's people's votes (defence off); failed ones are left out of both latencies
     */
    public static HumanFigures of(List<PersonVote> people, List<PersonVote> baseline) {
        long refused = people.stream().filter(p -> p.outcome() == Outcome.REFUSED || p.outcome() == Outcome.UNSOLVED)
                .count();
        long other = people.stream().filter(p -> p.outcome() == Outcome.OTHER || p.outcome() == Outcome.FAILED).count();
        long hard = people.stream().filter(p -> p.maxDifficulty() > HARD_CHALLENGE_BITS).count();
        long flagged = people.stream().filter(p -> p.outcome() == Outcome.ACCEPTED && p.flagged()).count();
        int n = people.size();
        List<PersonVote> byDue = people.stream().filter(PersonVote::answered)
                .sorted(Comparator.comparingLong(PersonVote::dueMillis)).toList();
        List<PersonVote> firstHalf = byDue.subList(0, byDue.size() / 2);
        List<PersonVote> secondHalf = byDue.subList(byDue.size() / 2, byDue.size());
        return new HumanFigures(n, share(refused, n), share(other, n), share(hard, n), share(flagged, n),
                AddedLatency.of(answeredLatencies(people), answeredLatencies(baseline)), p99(firstHalf),
                p99(secondHalf),
                summary(people.stream().filter(PersonVote::answered).map(PersonVote::challengeCostMillis).toList()));
    }

    public boolean refusedTargetMet() {
        return refusedShare <= REFUSED_TARGET;
    }

    /** False when there is no baseline to compare with. */
    public boolean addedLatencyTargetMet() {
        return latency.p99Added() < ADDED_P99_TARGET_MS;
    }

    /** Whether the p99 added is told apart from the target by more than the phases' sampling noise. */
    public boolean addedLatencyVerdictAboveNoise() {
        return latency.intervalExcludes(ADDED_P99_TARGET_MS);
    }

    private static List<Double> answeredLatencies(List<PersonVote> people) {
        return people.stream().filter(PersonVote::answered).map(PersonVote::latencyMillis).toList();
    }

    private static double p99(List<PersonVote> people) {
        return AddedLatency.percentile(answeredLatencies(people).stream().mapToDouble(Double::doubleValue).sorted()
                .toArray(), 0.99);
    }

    private static LatencySummary summary(List<Double> millis) {
        Histogram h = LatencySummary.newHistogram();
        millis.forEach(ms -> LatencySummary.recordNanos(h, Math.round(ms * 1_000_000)));
        return LatencySummary.of(h);
    }

    private static double share(long n, int of) {
        return of == 0 ? Double.NaN : (double) n / of;
    }
}
