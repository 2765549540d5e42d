package votes.perf.soak;

import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A least-squares line through a series sampled over time: its slope per hour, the slope's standard error and R². A
 * soak passes on the slope against the level (a leak grows; noise on a loaded machine only widens the error), so
 * the report prints all three rather than a verdict.
 *
 * @param perHour   slope, in the series' unit per hour
 * @param stdErr    standard error of that slope, per hour (NaN with fewer than 3 points)
 * @param rSquare   share of the variance the line explains (NaN for a constant series)
 * @param first     fitted value at the first sample
 * @param last      fitted value at the last sample
 */
public record Trend(int points, double perHour, double stdErr, double rSquare, double first, double last) {

    private static final double SECONDS_PER_HOUR = 3600;

    /** The fit of (epoch seconds, value) points. */
    public static Trend fit(List<Point> points) {
        if (points.size() < 2) {
            return new Trend(points.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        SimpleRegression r = new SimpleRegression();
        long t0 = points.get(0).epochSeconds();
        points.forEach(p -> r.addData(p.epochSeconds() - t0, p.value()));
        long span = points.get(points.size() - 1).epochSeconds() - t0;
        return new Trend(points.size(), r.getSlope() * SECONDS_PER_HOUR, r.getSlopeStdErr() * SECONDS_PER_HOUR,
                r.getRSquare(), r.predict(0), r.predict(span));
    }

    public record Point(long epochSeconds, double value) {
    }
}
