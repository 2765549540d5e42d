package votes.perf.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What each component burns per second with nothing to do (µs of CPU per second), measured over a quiet window. */
public record IdleBurn(Map<String, Double> microsPerSecond) {

    public IdleBurn {
        microsPerSecond = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(microsPerSecond));
    }

    public static IdleBurn of(Window quiet, List<String> components) {
        Map<String, Double> burn = new LinkedHashMap<>();
        for (String c : components) {
            burn.put(c, quiet.burn(c));
        }
        return new IdleBurn(burn);
    }

    /** A component not measured idle counts as burning nothing. */
    public double of(String component) {
        return microsPerSecond.getOrDefault(component, 0d);
    }

    /** Sum over the components measured (NaN if one of them was lost during the window). */
    public double total() {
        return microsPerSecond.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
