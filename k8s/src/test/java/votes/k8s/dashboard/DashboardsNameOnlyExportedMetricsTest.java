package votes.k8s.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import votes.k8s.alert.AlertRules;
import votes.k8s.alert.ExportedMetrics;
import votes.k8s.alert.PromQlMetrics;

/**
 * The dashboards chart only what exists: each metric a query names is a row of {@code exported-metrics.tsv} (whose
 * rows point at the code that defines them) or a series the recording rules write; and no row is listed that
 * neither the rules nor a dashboard reads.
 */
class DashboardsNameOnlyExportedMetricsTest {

    @Test
    void everyQueryNamesOnlyListedMetricsOrRecordedSeries() {
        Set<String> known = new TreeSet<>(ExportedMetrics.listed().keySet());
        known.addAll(AlertRules.recorded());
        List<String> unknown = new ArrayList<>();
        for (Dashboards dashboard : Dashboards.all()) {
            for (String expression : dashboard.expressions()) {
                PromQlMetrics.in(expression).stream().filter(name -> !known.contains(name))
                        .forEach(name -> unknown.add(dashboard.file() + ": " + name + " in " + expression));
            }
        }

        assertThat(unknown).isEmpty();
    }

    @Test
    void everyDashboardQueriesSomething() {
        assertThat(Dashboards.all()).isNotEmpty()
                .allSatisfy(dashboard -> assertThat(dashboard.expressions()).as(dashboard.file()).isNotEmpty());
    }

    @Test
    void everyListedMetricIsReadByTheRulesOrADashboard() {
        Set<String> read = new TreeSet<>(AlertRules.readByRules());
        Dashboards.all().forEach(dashboard -> dashboard.expressions().forEach(e -> read.addAll(PromQlMetrics.in(e))));

        assertThat(read).containsAll(ExportedMetrics.listed().keySet());
    }
}
