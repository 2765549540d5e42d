package votes.perf.cost;

import java.util.Map;

/** The CPU (µs) each component's process tree had used at one moment ({@code System.nanoTime()}). */
public record CpuSample(long nanoTime, Map<String, Long> micros) {

    public CpuSample {
        micros = Map.copyOf(micros);
    }
}
