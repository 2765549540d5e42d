package votes.perf.swarm;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A phase's people's latency against the baseline's (the same kind of people alone, defence off): the p50 and p99 of
 * each and their differences, with a 95 % bootstrap interval of the p99 difference. The p99 of 800 votes is its 8
 * worst, so a few slow votes move it by tens of ms either way: the interval says whether a difference stands above
 * the sampling noise of the two phases. It resamples both phases' latencies with replacement {@link #RESAMPLES}
 * times and takes the middle 95 % of the p99 differences. It treats votes as independent, so it does not see a
 * change of the machine's load between the phases nor one stall that delays a burst of votes together (on the
 * shared 2-core box, runs of the same code spread by ~500 ms against intervals of ±50-150 ms: perf/RESULTS.md); only
 * another run shows those. Percentiles are nearest-rank on the raw values, so the interval and the point figures
 * are computed alike. Pure.
 *
 * @param count         the phase's answered people's votes
 * @param baselineCount the baseline's
 * @param p99AddedLow   the 2.5th percentile of the resampled p99 differences (NaN when either phase is empty)
 * @param p99AddedHigh  the 97.5th
 */
public record AddedLatency(int count, int baselineCount, double p50, double baselineP50, double p99,
                           double baselineP99, double p99AddedLow, double p99AddedHigh) {

    /** 2,000 resamples: 50 draws beyond each end of the 95 % interval, well under a second for 2 x 800 votes. */
    static final int RESAMPLES = 2_000;
    /** Fixed, so the same two CSVs always give the same interval. */
    static final long RESAMPLE_SEED = 11;
    static final double CONFIDENCE = 0.95;

    public static AddedLatency of(List<Double> phaseMillis, List<Double> baselineMillis) {
        double[] phase = sorted(phaseMillis);
        double[] baseline = sorted(baselineMillis);
        double[] interval = phase.length == 0 || baseline.length == 0 ? new double[] {Double.NaN, Double.NaN}
                : p99DifferenceInterval(phase, baseline);
        return new AddedLatency(phase.length, baseline.length, percentile(phase, 0.50), percentile(baseline, 0.50),
                percentile(phase, 0.99), percentile(baseline, 0.99), interval[0], interval[1]);
    }

    public double p50Added() {
        return p50 - baselineP50;
    }

    /** NaN without a baseline (or without a phase). */
    public double p99Added() {
        return p99 - baselineP99;
    }

    /** Whether the interval leaves out {@code millis} (false when there is no interval). */
    public boolean intervalExcludes(double millis) {
        return p99AddedLow > millis || p99AddedHigh < millis;
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value with at least {@code q} of them at or below it
     * (the 99th of 800 is the 792nd, 8 above it); NaN for none.
     */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        // The epsilon keeps 0.99 x 800 (a hair above 792 in binary) from rounding up to the 793rd value.
        int rank = (int) Math.ceil(q * sorted.length - 1e-9);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    private static double[] p99DifferenceInterval(double[] phase, double[] baseline) {
        Random random = new Random(RESAMPLE_SEED);
        double[] phaseDraw = new double[phase.length];
        double[] baselineDraw = new double[baseline.length];
        double[] differences = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            differences[i] = percentile(resample(phase, phaseDraw, random), 0.99)
                    - percentile(resample(baseline, baselineDraw, random), 0.99);
        }
        Arrays.sort(differences);
        double tail = (1 - CONFIDENCE) / 2;
        return new double[] {percentile(differences, tail), percentile(differences, 1 - tail)};
    }

    /** Fills {@code into} with draws from {@code from}, with replacement, and sorts it. */
    private static double[] resample(double[] from, double[] into, Random random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
        Arrays.sort(into);
        return into;
    }

    private static double[] sorted(List<Double> millis) {
        double[] values = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return values;
    }
}
