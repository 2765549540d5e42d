package votes.perf.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The measured processes, by name ({@code kafka=1234}: the root of the component's process tree), in report order. */
public record Components(Map<String, Long> pids) {

    public Components {
        pids = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pids));
    }

    /** {@code name=pid} pairs, e.g. from {@code ./vote pid <name>}. */
    public static Components parse(List<String> pairs) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected name=pid, got '" + pair + "'");
            }
            String name = pair.substring(0, eq);
            if (pids.put(name, Long.parseLong(pair.substring(eq + 1).trim())) != null) {
                throw new IllegalArgumentException("component named twice: " + name);
            }
        }
        return new Components(pids);
    }

    public static Components of(String name, long pid) {
        return new Components(Map.of(name, pid));
    }

    public List<String> names() {
        return List.copyOf(pids.keySet());
    }

    /** Each component's tree CPU now, in µs, and its threads' runs; a component whose process is gone has no entry. */
    public CpuSample sample(ProcessTable table, ThreadRuns threadRuns, long nanoTime, long clockTicksPerSecond) {
        Map<String, Long> micros = new LinkedHashMap<>();
        Map<String, Long> runs = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            // One walk of the tree for both figures: the sample is taken every second while a phase settles.
            List<Long> tree = table.tree(pid);
            if (!tree.isEmpty()) {
                micros.put(name, table.ticks(tree) * 1_000_000L / clockTicksPerSecond);
                runs.put(name, tree.stream().mapToLong(threadRuns::of).sum());
            }
        });
        return new CpuSample(nanoTime, micros, runs);
    }
}
