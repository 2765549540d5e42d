package votes.perf.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One load level's CPU cost: µs per accepted vote for each component, beyond its idle burn, over the window from
 * the first request to the end of the aftermath ({@code settled}: false when it was cut short); and the thread runs
 * per accepted vote beyond the idle runs over the same window (empty when not measured).
 */
public record PhaseCost(String label, double offeredRate, long accepted, long answered, double seconds, boolean settled,
                        Map<String, Double> microsPerVote, Map<String, Double> runsPerVote) {

    public PhaseCost {
        microsPerVote = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(microsPerVote));
        runsPerVote = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runsPerVote));
    }

    public PhaseCost(String label, double offeredRate, long accepted, long answered, double seconds, boolean settled,
                     Map<String, Double> microsPerVote) {
        this(label, offeredRate, accepted, answered, seconds, settled, microsPerVote, Map.of());
    }

    public static PhaseCost of(String label, double offeredRate, long accepted, long answered, Window window,
                               boolean settled, List<String> components, IdleBurn idle) {
        Map<String, Double> perVote = new LinkedHashMap<>();
        Map<String, Double> runsPerVote = new LinkedHashMap<>();
        for (String c : components) {
            perVote.put(c, window.perEvent(c, idle.of(c), accepted));
            runsPerVote.put(c, window.runsPerEvent(c, idle.runsOf(c), accepted));
        }
        return new PhaseCost(label, offeredRate, accepted, answered, window.seconds(), settled, perVote, runsPerVote);
    }

    /** The whole stack's µs per accepted vote (NaN if a component was lost). */
    public double total() {
        return microsPerVote.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The whole stack's thread runs per accepted vote (NaN if a component was lost, 0 when not measured). */
    public double totalRuns() {
        return runsPerVote.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
