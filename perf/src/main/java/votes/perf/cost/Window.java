package votes.perf.cost;

import java.util.Map;

/**
 * The CPU used and the thread runs between two samples. A component missing from either sample (its process ended or
 * restarted: the tree is not the same) gives NaN, never a made-up number.
 */
public record Window(CpuSample before, CpuSample after) {

    public double seconds() {
        return (after.nanoTime() - before.nanoTime()) / 1e9;
    }

    /** µs of CPU the component used in the window. */
    public double micros(String component) {
        return difference(before.micros(), after.micros(), component);
    }

    /** Times the component's threads were put on a CPU in the window ({@link ThreadRuns}). */
    public double runs(String component) {
        return difference(before.runs(), after.runs(), component);
    }

    /** Thread runs per second of the window. */
    public double runRate(String component) {
        return runs(component) / seconds();
    }

    private static double difference(Map<String, Long> before, Map<String, Long> after, String component) {
        Long a = after.get(component);
        Long b = before.get(component);
        return a == null || b == null ? Double.NaN : a - b;
    }

    /** µs of CPU per second of the window: the burn rate. */
    public double burn(String component) {
        return micros(component) / seconds();
    }

    /**
     * µs of CPU per event (accepted vote, request, record) beyond the component's idle burn over the same window:
     * (used − idle µs/s × seconds) / events. NaN without events.
     */
    public double perEvent(String component, double idleMicrosPerSecond, long events) {
        return beyondIdle(micros(component), idleMicrosPerSecond, events);
    }

    /** Thread runs per event beyond the component's idle runs over the same window, like {@link #perEvent}. */
    public double runsPerEvent(String component, double idleRunsPerSecond, long events) {
        return beyondIdle(runs(component), idleRunsPerSecond, events);
    }

    private double beyondIdle(double used, double idlePerSecond, long events) {
        return events <= 0 ? Double.NaN : (used - idlePerSecond * seconds()) / events;
    }
}
