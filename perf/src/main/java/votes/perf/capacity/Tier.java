package votes.perf.capacity;

/**
 * One tier of the vote path and what a vote costs it in CPU.
 *
 * @param name        the component, as perf/run-cost.sh names it
 * @param quietMicros CPU µs per vote on the quiet machine (issue 12's measurement at 1,500 votes/s)
 * @param warmedMicros CPU µs per accepted vote, idle subtracted, of a warmed stack at 200 votes/s (RESULTS.md)
 * @param noisyLow    the lowest µs per accepted vote of RESULTS.md's cost runs 3 and 4 (loaded machine)
 * @param noisyHigh   the highest of the same columns
 * @param podCores    cores of one pod (or node) of this tier: its M/M/c servers
 */
public record Tier(String name, double quietMicros, double warmedMicros, double noisyLow, double noisyHigh,
                   int podCores) {

    public Tier {
        if (quietMicros <= 0 || warmedMicros <= 0 || noisyLow <= 0 || noisyHigh < noisyLow || podCores < 1) {
            throw new IllegalArgumentException("bad tier " + name);
        }
    }

    /** Cores busy at {@code votesPerSecond} if a vote costs {@code micros} here. */
    public static double busyCores(double votesPerSecond, double micros) {
        return votesPerSecond * micros / 1e6;
    }
}
