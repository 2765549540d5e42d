package votes.perf.cost;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The processes alive at one moment ({@code /proc}), to add up the CPU of a process and all its descendants. */
public final class ProcessTable {

    private final Map<Long, ProcStat> byPid = new HashMap<>();
    private final Map<Long, List<ProcStat>> children = new HashMap<>();

    public ProcessTable(List<ProcStat> processes) {
        for (ProcStat p : processes) {
            byPid.put(p.pid(), p);
            children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p);
        }
    }

    /** Every process readable under {@code proc}; one that ends while being read is left out. */
    public static ProcessTable read(Path proc) {
        List<ProcStat> all = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                try {
                    all.add(ProcStat.parse(Files.readString(dir.resolve("stat"))));
                } catch (IOException | IllegalArgumentException e) {
                    // ended between the listing and the read: its CPU went to its parent's cutime if it was reaped
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + proc, e);
        }
        return new ProcessTable(all);
    }

    /** Clock ticks of {@code root} and every descendant alive now; empty when {@code root} is gone. */
    public OptionalLong treeTicks(long root) {
        List<Long> tree = tree(root);
        return tree.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ticks(tree));
    }

    /** Clock ticks of these processes (a {@link #tree}) together. */
    public long ticks(List<Long> pids) {
        return pids.stream().mapToLong(pid -> byPid.get(pid).ticks()).sum();
    }

    /**
     * {@code root} and every descendant alive now (PostgreSQL's backends, a wrapper's JVM), root first; empty when
     * {@code root} is gone. What a component costs is what its whole tree holds: CPU, memory, open files.
     */
    public List<Long> tree(long root) {
        if (!byPid.containsKey(root)) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>();
        Deque<ProcStat> todo = new ArrayDeque<>(List.of(byPid.get(root)));
        while (!todo.isEmpty()) {
            ProcStat p = todo.pop();
            pids.add(p.pid());
            todo.addAll(children.getOrDefault(p.pid(), List.of()));
        }
        return pids;
    }
}
