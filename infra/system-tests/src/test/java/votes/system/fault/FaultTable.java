package votes.system.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault table of issue 8 (fault, runs, votes accepted, recorded, lost, doubled, time to recover), one row per
 * fault over all its runs, as markdown: printed at the end of the suite and written to {@code target/fault-table.md}
 * for infra/README.md.
 */
final class FaultTable {

    private final Map<String, List<FaultOutcome>> rows = new LinkedHashMap<>();

    synchronized void add(FaultOutcome outcome) {
        rows.computeIfAbsent(outcome.fault(), fault -> new ArrayList<>()).add(outcome);
    }

    synchronized String markdown() {
        StringBuilder out = new StringBuilder("| fault | runs | votes accepted | recorded | lost | doubled | 503s | "
                + "time to recover (median / max, s) | p99 of the 202s (median, ms) |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        rows.forEach((fault, runs) -> out.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %.1f / %.1f | %.0f |%n",
                fault, runs.size(), sum(runs, FaultOutcome::accepted), sum(runs, FaultOutcome::recorded),
                sum(runs, FaultOutcome::lost), sum(runs, FaultOutcome::doubled), sum(runs, FaultOutcome::unavailable),
                seconds(median(runs.stream().map(FaultOutcome::recovery).toList())),
                seconds(runs.stream().map(FaultOutcome::recovery).max(Duration::compareTo).orElse(Duration.ZERO)),
                runs.stream().mapToDouble(FaultOutcome::p99AcceptedMillis).sorted().skip((runs.size() - 1) / 2)
                        .findFirst().orElse(Double.NaN))));
        return out.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sum(List<FaultOutcome> runs, java.util.function.ToLongFunction<FaultOutcome> field) {
        return runs.stream().mapToLong(field).sum();
    }

    private static Duration median(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        return sorted.isEmpty() ? Duration.ZERO : sorted.get((sorted.size() - 1) / 2);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
