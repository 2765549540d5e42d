package votes.perf.cost;

import java.nio.file.Path;
import java.time.Duration;
import votes.perf.load.Durations;

/**
 * Samples the components' process trees (CPU, thread runs) from {@code /proc}; waits for a phase's aftermath to
 * settle.
 */
public final class CpuMeter {

    private final Components components;
    private final Path proc;
    private final long clockTicksPerSecond;

    public CpuMeter(Components components, Path proc, long clockTicksPerSecond) {
        this.components = components;
        this.proc = proc;
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /** A meter of other processes, read the same way. */
    public CpuMeter of(Components others) {
        return new CpuMeter(others, proc, clockTicksPerSecond);
    }

    public Components components() {
        return components;
    }

    public CpuSample sample() {
        return components.sample(ProcessTable.read(proc), ThreadRuns.under(proc), System.nanoTime(),
                clockTicksPerSecond);
    }

    /** Idle burn over {@code quiet}: nothing is sent meanwhile. */
    public IdleBurn idle(Duration quiet) {
        CpuSample before = sample();
        Durations.pause(quiet);
        return IdleBurn.of(new Window(before, sample()), components.names());
    }

    /**
     * Waits, in windows of {@code window}, until {@code rule} finds the burn steady or {@code max} has passed.
     * @return whether it became steady in time
     */
    public boolean awaitSteady(SteadyRule rule, Duration window, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        CpuSample a = sample();
        Durations.pause(window);
        CpuSample b = sample();
        while (System.nanoTime() < deadline) {
            Durations.pause(window);
            CpuSample c = sample();
            if (rule.steady(new Window(a, b), new Window(b, c), components.names())) {
                return true;
            }
            a = b;
            b = c;
        }
        return false;
    }

    /**
     * Samples every {@code interval} until {@code rule} says the aftermath is over or {@code max} has passed.
     * @return the last sample, and whether it settled in time (if not, the phase's figure misses some of its CPU)
     */
    public Settled settle(SettleRule rule, IdleBurn idle, Duration interval, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        CpuSample last = sample();
        while (true) {
            Durations.pause(interval);
            CpuSample now = sample();
            if (rule.settled(new Window(last, now), components.names(), idle)) {
                return new Settled(now, true);
            }
            if (System.nanoTime() >= deadline) {
                return new Settled(now, false);
            }
            last = now;
        }
    }

    public record Settled(CpuSample sample, boolean inTime) {
    }
}
