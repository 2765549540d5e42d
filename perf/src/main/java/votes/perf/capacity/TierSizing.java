package votes.perf.capacity;

import votes.perf.cost.RateFit;

/**
 * A tier sized for the design peak under the headroom rule, then checked at any rate on that same fleet: how busy
 * its cores are and, per pod as an M/M/c queue whose service time is the vote's CPU time in the tier, the p99 of
 * the wait for a core.
 */
public record TierSizing(Tier tier, double micros, double peakVotesPerSecond, int pods) {

    /** Pods only grow from round to round (more pods, a larger per-second share per vote); a few rounds settle. */
    private static final int FIT_ROUNDS = 10;

    public static TierSizing of(Tier tier, double micros, double peakVotesPerSecond, Headroom headroom) {
        int pods = headroom.pods(Tier.busyCores(peakVotesPerSecond, micros), tier.podCores());
        return new TierSizing(tier, micros, peakVotesPerSecond, pods);
    }

    /**
     * Sized with a CPU per vote that falls with each pod's own rate ({@link RateFit}): the more pods, the fewer votes
     * share each pod's per-second part, so pods and µs per vote are found together. A part the fit puts below zero (a
     * tier whose per-vote work the phases' scatter hides) counts as zero.
     */
    public static TierSizing ofFit(Tier tier, RateFit fit, double peakVotesPerSecond, Headroom headroom) {
        int pods = headroom.pods(Tier.busyCores(peakVotesPerSecond, microsPerVote(fit, peakVotesPerSecond, 1)),
                tier.podCores());
        for (int round = 0; round < FIT_ROUNDS; round++) {
            double micros = microsPerVote(fit, peakVotesPerSecond, pods);
            int next = headroom.pods(Tier.busyCores(peakVotesPerSecond, micros), tier.podCores());
            if (next == pods) {
                break;
            }
            pods = next;
        }
        return new TierSizing(tier, microsPerVote(fit, peakVotesPerSecond, pods), peakVotesPerSecond, pods);
    }

    /** The fit's µs per vote in each of {@code pods} pods sharing {@code votesPerSecond} evenly. */
    static double microsPerVote(RateFit fit, double votesPerSecond, int pods) {
        return Math.max(0, fit.perVoteMicros()) + Math.max(0, fit.perSecondMicros()) * pods / votesPerSecond;
    }

    public double busyCores(double votesPerSecond) {
        return Tier.busyCores(votesPerSecond, micros);
    }

    public int cores() {
        return pods * tier.podCores();
    }

    public double utilisation(double votesPerSecond) {
        return busyCores(votesPerSecond) / cores();
    }

    /** p99 of a vote's wait for a core in one pod (load spread evenly), in ms; infinite past saturation. */
    public double p99WaitMillis(double votesPerSecond) {
        if (utilisation(votesPerSecond) >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return 1e3 * ErlangC.waitQuantile(tier.podCores(), votesPerSecond / pods, 1e6 / micros, 0.99);
    }
}
