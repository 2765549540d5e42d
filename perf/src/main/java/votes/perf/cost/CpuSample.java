package votes.perf.cost;

import java.util.Map;

/**
 * The CPU (µs) each component's process tree had used at one moment ({@code System.nanoTime()}), and how many times
 * its threads had been put on a CPU ({@link ThreadRuns}; empty when not read).
 */
public record CpuSample(long nanoTime, Map<String, Long> micros, Map<String, Long> runs) {

    public CpuSample {
        micros = Map.copyOf(micros);
        runs = Map.copyOf(runs);
    }

    public CpuSample(long nanoTime, Map<String, Long> micros) {
        this(nanoTime, micros, Map.of());
    }
}
