package votes.perf.capacity;

/**
 * A tier sized for the design peak under the headroom rule, then checked at any rate on that same fleet: how busy
 * its cores are and, per pod as an M/M/c queue whose service time is the vote's CPU time in the tier, the p99 of
 * the wait for a core.
 */
public record TierSizing(Tier tier, double micros, double peakVotesPerSecond, int pods) {

    public static TierSizing of(Tier tier, double micros, double peakVotesPerSecond, Headroom headroom) {
        int pods = headroom.pods(Tier.busyCores(peakVotesPerSecond, micros), tier.podCores());
        return new TierSizing(tier, micros, peakVotesPerSecond, pods);
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
