package votes.perf.soak;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import votes.perf.baseline.KafkaLogin;
import votes.perf.cost.Components;
import votes.perf.cost.ProcessTable;
import votes.perf.load.Durations;
import votes.perf.report.CliErrors;

/**
 * The soak's sampler (issue 12, item 6): every {@code --interval}, each component's process-tree RSS and open file
 * descriptors ({@code /proc}) and each consumer group's lag, appended to a CSV ({@code epoch_s,series,value}) and
 * printed as one progress line. Runs until {@code --duration} or until stopped; {@link ProfileReport} fits the trends.
 */
@Command(name = "soak-sampler", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Samples RSS, open fds (per process tree) and consumer lag into a CSV; perf/run-profiles.sh runs it.")
public final class Sampler implements Callable<Integer> {

    @Option(names = "--component", required = true, paramLabel = "NAME=PID", description = "A process tree (repeatable).")
    List<String> components;

    @Option(names = "--group", description = "A consumer group whose lag is sampled (repeatable).")
    List<String> groups = new ArrayList<>();

    @Option(names = "--kafka-bootstrap", description = "Where the groups' broker listens (none: no lag sampled).")
    String bootstrap;

    @Mixin
    KafkaLogin login;

    @Option(names = "--interval", defaultValue = "15s", converter = Durations.class)
    Duration interval;

    @Option(names = "--duration", defaultValue = "3h", converter = Durations.class, description = "Stops by itself then.")
    Duration duration;

    @Option(names = "--csv", required = true, description = "Samples are appended here (header written when new).")
    Path csv;

    @Option(names = "--proc", defaultValue = "/proc", hidden = true)
    Path proc;

    public static void main(String[] args) {
        System.exit(CliErrors.run(new Sampler(), args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Components trees = Components.parse(components);
        boolean fresh = !Files.exists(csv);
        long end = System.nanoTime() + duration.toNanos();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
             GroupLag lag = bootstrap == null || groups.isEmpty() ? null
                     : new GroupLag(bootstrap, login.properties(), groups)) {
            if (fresh) {
                out.println("epoch_s,series,value");
            }
            while (System.nanoTime() < end) {
                long next = System.nanoTime() + interval.toNanos();
                sample(trees, lag, out);
                Durations.pause(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
            }
        }
        return 0;
    }

    private void sample(Components trees, GroupLag lag, PrintWriter out) throws InterruptedException {
        long now = System.currentTimeMillis() / 1000;
        ProcessTable table = ProcessTable.read(proc);
        StringBuilder rss = new StringBuilder("rss MB:");
        StringBuilder fds = new StringBuilder(" | fds:");
        trees.pids().forEach((name, pid) -> {
            List<Long> tree = table.tree(pid);
            if (tree.isEmpty()) {
                rss.append(' ').append(name).append(" GONE");
                return;
            }
            Footprint f = Footprint.of(tree, proc);
            out.printf("%d,rss_kb.%s,%d%n", now, name, f.rssKb());
            out.printf("%d,fds.%s,%d%n", now, name, f.fds());
            rss.append(' ').append(name).append(' ').append(f.rssKb() / 1024);
            fds.append(' ').append(name).append(' ').append(f.fds());
        });
        StringBuilder lags = new StringBuilder(" | lag:");
        Map<String, Long> byGroup = lag == null ? Map.of() : lag.read();
        byGroup.forEach((group, records) -> {
            out.printf("%d,lag.%s,%d%n", now, group, records);
            lags.append(' ').append(group).append(' ').append(records);
        });
        out.flush();
        System.out.println(java.time.LocalTime.now().withNano(0) + " " + rss + fds + lags);
    }
}
