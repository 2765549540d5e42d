package votes.k8s.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import votes.infra.stack.Detached;

/** The rules file is valid Prometheus rules and its promtool unit tests pass, with both outcomes tested per alert. */
class RulesPassPromtoolTest {

    @Test
    void promtoolAcceptsTheRulesFile() {
        Detached.Finished checked = PromTool.run(AlertRules.DIR, "check", "rules", AlertRules.RULES_FILE);

        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("SUCCESS: " + AlertRules.rules().size() + " rules found");
    }

    @Test
    void everyPromtoolUnitTestOfTheRulesPasses() {
        Detached.Finished tested = PromTool.run(AlertRules.DIR, "test", "rules", AlertRules.TESTS_FILE);

        assertThat(tested.exitCode()).as(tested.output()).isZero();
        assertThat(tested.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertIsTestedFiringAndQuiet() {
        JsonNode tests = AlertRules.read(AlertRules.TESTS_FILE).path("tests");
        Set<String> fires = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (JsonNode test : tests) {
            Set<String> namespacesIn = new HashSet<>();
            test.path("input_series").forEach(series -> namespacesIn.add(label(series.path("series").asString())));
            for (JsonNode eval : test.path("alert_rule_test")) {
                String alert = eval.path("alertname").asString();
                List<JsonNode> expected = StreamSupport.stream(eval.path("exp_alerts").spliterator(), false).toList();
                Set<String> namespacesFiring = new HashSet<>();
                expected.forEach(e -> namespacesFiring.add(e.path("exp_labels").path("namespace").asString()));
                if (!expected.isEmpty()) {
                    fires.add(alert);
                }
                // Quiet: nothing fires at this time, or some input's namespace stays out of the alerts expected.
                if (expected.isEmpty() || !namespacesFiring.containsAll(namespacesIn)) {
                    quiet.add(alert);
                }
            }
        }
        List<String> alerts = AlertRules.alerts().stream().map(rule -> rule.path("alert").asString()).toList();

        assertThat(fires).as("alerts with a promtool test where they fire").containsAll(alerts);
        assertThat(quiet).as("alerts with a promtool test where they stay quiet").containsAll(alerts);
    }

    private static String label(String series) {
        int at = series.indexOf("namespace=\"");
        return at < 0 ? "" : series.substring(at + "namespace=\"".length(), series.indexOf('"', at + "namespace=\"".length()));
    }
}
