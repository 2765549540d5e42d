package votes.perf.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Finds the highest rate that still passes the SLO: grow geometrically from {@code start} until a step fails
 * (or {@code max} passes), then bisect between the last pass and the first fail until they are within
 * {@code resolution} (a fraction of the passing rate). Bounded by {@code maxSteps}. Pure: the caller runs each
 * step and reports pass/fail.
 */
public final class StepSearch {

    public record Step(double rate, boolean passed) {
    }

    private final double start;
    private final double growth;
    private final double max;
    private final double resolution;
    private final int maxSteps;
    private final List<Step> steps = new ArrayList<>();
    private double lastPass = 0;
    private double firstFail = Double.NaN;

    public StepSearch(double start, double growth, double max, double resolution, int maxSteps) {
        if (!(start > 0) || !(growth > 1) || max < start || !(resolution > 0) || maxSteps < 1) {
            throw new IllegalArgumentException("need start > 0, growth > 1, max >= start, resolution > 0, maxSteps >= 1");
        }
        this.start = start;
        this.growth = growth;
        this.max = max;
        this.resolution = resolution;
        this.maxSteps = maxSteps;
    }

    /** The next rate to try, or empty when the search is over. */
    public OptionalDouble next() {
        if (steps.size() >= maxSteps) {
            return OptionalDouble.empty();
        }
        if (steps.isEmpty()) {
            return OptionalDouble.of(start);
        }
        if (Double.isNaN(firstFail)) {
            // Still ramping: every step so far passed.
            if (lastPass >= max) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(Math.min(max, Math.round(lastPass * growth)));
        }
        double gap = firstFail - lastPass;
        double tolerance = resolution * Math.max(lastPass, start);
        if (gap <= tolerance) {
            return OptionalDouble.empty();
        }
        double mid = Math.round((lastPass + firstFail) / 2);
        if (mid <= lastPass || mid >= firstFail) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(mid);
    }

    public void record(double rate, boolean passed) {
        steps.add(new Step(rate, passed));
        if (passed) {
            lastPass = Math.max(lastPass, rate);
        } else if (Double.isNaN(firstFail) || rate < firstFail) {
            firstFail = rate;
        }
    }

    /** The highest passing rate, or empty if nothing passed. */
    public OptionalDouble best() {
        return lastPass > 0 ? OptionalDouble.of(lastPass) : OptionalDouble.empty();
    }

    public List<Step> steps() {
        return Collections.unmodifiableList(steps);
    }
}
