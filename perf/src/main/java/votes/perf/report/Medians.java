package votes.perf.report;

import java.util.Arrays;
import java.util.List;

/** Medians of repeated runs: the figure we quote when a noisy machine gives a spread. */
public final class Medians {

    private Medians() {
    }

    public static double of(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The spread's low end, printed beside the median (NaN for none). */
    public static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** The spread's high end, printed beside the median (NaN for none). */
    public static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
