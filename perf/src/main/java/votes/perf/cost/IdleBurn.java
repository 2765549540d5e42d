package votes.perf.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each component burns per second with nothing to do (µs of CPU per second), and how often its threads run
 * meanwhile (runs per second, {@link ThreadRuns}), measured over a quiet window.
 */
public record IdleBurn(Map<String, Double> microsPerSecond, Map<String, Double> runsPerSecond) {

    public IdleBurn {
        microsPerSecond = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(microsPerSecond));
        runsPerSecond = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runsPerSecond));
    }

    public IdleBurn(Map<String, Double> microsPerSecond) {
        this(microsPerSecond, Map.of());
    }

    public static IdleBurn of(Window quiet, List<String> components) {
        Map<String, Double> burn = new LinkedHashMap<>();
        Map<String, Double> runs = new LinkedHashMap<>();
        for (String c : components) {
            burn.put(c, quiet.burn(c));
            runs.put(c, quiet.runRate(c));
        }
        return new IdleBurn(burn, runs);
    }

    /** A component not measured idle counts as burning nothing. */
    public double of(String component) {
        return microsPerSecond.getOrDefault(component, 0d);
    }

    /** A component not measured idle counts as never running. */
    public double runsOf(String component) {
        return runsPerSecond.getOrDefault(component, 0d);
    }

    /** Sum over the components measured (NaN if one of them was lost during the window). */
    public double total() {
        return microsPerSecond.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Runs per second summed over the components measured (NaN if one of them was lost). */
    public double totalRuns() {
        return runsPerSecond.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
