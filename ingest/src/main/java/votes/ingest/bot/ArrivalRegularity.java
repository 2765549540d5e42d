package votes.ingest.bot;

import java.util.List;

/**
 * How regular an address's arrivals are: the coefficient of variation (standard deviation / mean) of the gaps
 * between them. A script on a timer has a CV near 0; people arrive more like a Poisson process (CV about 1).
 */
final class ArrivalRegularity {

    private ArrivalRegularity() {
    }

    /**
     * @param arrivals epoch ms, in any order
     * @return the CV of the gaps, or NaN with fewer than {@code minArrivals} arrivals (too few to tell)
     */
    static double coefficientOfVariation(List<Long> arrivals, int minArrivals) {
        if (arrivals.size() < Math.max(2, minArrivals)) {
            return Double.NaN;
        }
        long[] sorted = arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
        int gaps = sorted.length - 1;
        double mean = (double) (sorted[gaps] - sorted[0]) / gaps;
        if (mean == 0) {
            return 0; // all at once: as regular as it gets
        }
        double squares = 0;
        for (int i = 1; i < sorted.length; i++) {
            double d = sorted[i] - sorted[i - 1] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / gaps) / mean;
    }
}
