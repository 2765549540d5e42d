package votes.perf.cost;

/**
 * The CPU used between two samples. A component missing from either sample (its process ended or restarted: the
 * tree is not the same) gives NaN, never a made-up number.
 */
public record Window(CpuSample before, CpuSample after) {

    public double seconds() {
        return (after.nanoTime() - before.nanoTime()) / 1e9;
    }

    /** µs of CPU the component used in the window. */
    public double micros(String component) {
        Long a = after.micros().get(component);
        Long b = before.micros().get(component);
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
        if (events <= 0) {
            return Double.NaN;
        }
        return (micros(component) - idleMicrosPerSecond * seconds()) / events;
    }
}
