package votes.k8s.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import votes.k8s.render.Overlay;

/**
 * The rules read only metrics that something really exports: each is a row of {@code exported-metrics.tsv}, and a
 * row that names a file of ours points at the line that defines (or switches on) the metric.
 */
class RulesNameOnlyExportedMetricsTest {

    private static final String LIST = "exported-metrics.tsv";
    private static final String NOT_OURS = "-";

    /** metric -> {file, string it holds, what}. */
    private static Map<String, String[]> listed() {
        Map<String, String[]> rows = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(AlertRules.DIR.resolve(LIST))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                assertThat(columns).as("4 tab-separated columns: " + line).hasSize(4);
                assertThat(rows.put(columns[0], columns)).as("listed twice: " + columns[0]).isNull();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static Set<String> readByRules() {
        Set<String> recorded = new TreeSet<>();
        Set<String> read = new TreeSet<>();
        for (JsonNode rule : AlertRules.rules()) {
            if (rule.has("record")) {
                recorded.add(rule.path("record").asString());
            }
            read.addAll(PromQlMetrics.in(rule.path("expr").asString()));
        }
        read.removeAll(recorded);
        return read;
    }

    @Test
    void everyMetricTheRulesReadIsListedAndEveryListedOneIsRead() {
        assertThat(listed().keySet()).containsExactlyInAnyOrderElementsOf(readByRules());
    }

    @Test
    void everyListedFileOfOursDefinesItsMetric() throws IOException {
        Path repo = Overlay.repoRoot();
        List<String> wrong = new ArrayList<>();
        for (String[] row : listed().values()) {
            if (NOT_OURS.equals(row[1])) {
                continue;
            }
            Path file = repo.resolve(row[1]);
            if (!Files.isRegularFile(file) || !Files.readString(file).contains(row[2])) {
                wrong.add(row[0] + ": " + row[1] + " does not hold " + row[2]);
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void recordingRulesAreDefinedBeforeTheAlertsThatReadThem() {
        Set<String> recorded = new TreeSet<>();
        List<String> early = new ArrayList<>();
        for (JsonNode rule : AlertRules.rules()) {
            PromQlMetrics.in(rule.path("expr").asString()).stream()
                    .filter(name -> name.contains(":") && !recorded.contains(name)).forEach(early::add);
            if (rule.has("record")) {
                recorded.add(rule.path("record").asString());
            }
        }

        assertThat(early).as("recorded series read before (or without) their recording rule").isEmpty();
    }
}
