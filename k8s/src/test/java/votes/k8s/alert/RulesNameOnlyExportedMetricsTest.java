package votes.k8s.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import votes.k8s.render.Overlay;

/**
 * The rules read only metrics that something really exports: each is a row of {@code exported-metrics.tsv}, and a
 * row that names a file of ours points at the line that defines (or switches on) the metric. That every row is read
 * by the rules or a dashboard is {@code votes.k8s.dashboard.DashboardsNameOnlyExportedMetricsTest}'s.
 */
class RulesNameOnlyExportedMetricsTest {

    @Test
    void everyMetricTheRulesReadIsListed() {
        assertThat(ExportedMetrics.listed().keySet()).containsAll(AlertRules.readByRules());
    }

    @Test
    void everyListedFileOfOursDefinesItsMetric() throws IOException {
        Path repo = Overlay.repoRoot();
        List<String> wrong = new ArrayList<>();
        for (String[] row : ExportedMetrics.listed().values()) {
            if (ExportedMetrics.NOT_OURS.equals(row[1])) {
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
