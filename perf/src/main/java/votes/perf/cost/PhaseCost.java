package votes.perf.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One load level's CPU cost: µs per accepted vote for each component, beyond its idle burn, over the window from
 * the first request to the end of the aftermath ({@code settled}: false when it was cut short).
 */
public record PhaseCost(String label, double offeredRate, long accepted, long answered, double seconds, boolean settled,
                        Map<String, Double> microsPerVote) {

    public PhaseCost {
        microsPerVote = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(microsPerVote));
    }

    public static PhaseCost of(String label, double offeredRate, long accepted, long answered, Window window,
                               boolean settled, List<String> components, IdleBurn idle) {
        Map<String, Double> perVote = new LinkedHashMap<>();
        for (String c : components) {
            perVote.put(c, window.perEvent(c, idle.of(c), accepted));
        }
        return new PhaseCost(label, offeredRate, accepted, answered, window.seconds(), settled, perVote);
    }

    /** The whole stack's µs per accepted vote (NaN if a component was lost). */
    public double total() {
        return microsPerVote.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
