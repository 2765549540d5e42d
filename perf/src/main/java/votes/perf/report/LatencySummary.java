package votes.perf.report;

import org.HdrHistogram.Histogram;

/** The percentiles we report, in milliseconds, from a histogram recorded in microseconds. */
public record LatencySummary(long count, double p50, double p90, double p99, double p999, double max) {

    /** Latencies are recorded in µs up to one minute, 3 significant digits (0.1 % value error). */
    public static Histogram newHistogram() {
        return new Histogram(60_000_000L, 3);
    }

    /** Records a latency given in nanoseconds, clamped into the histogram's range. */
    public static void recordNanos(Histogram histogram, long nanos) {
        long micros = Math.max(0, nanos / 1_000);
        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
    }

    public static LatencySummary of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000d;
    }
}
