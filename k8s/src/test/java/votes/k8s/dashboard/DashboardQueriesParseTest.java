package votes.k8s.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;
import votes.infra.stack.Detached;
import votes.k8s.alert.PromTool;
import votes.k8s.render.Overlay;

/**
 * Every dashboard query is valid PromQL: promtool, which has no "check expression", checks them as the recording
 * rules of a generated rules file, after Grafana's range variables are given the values Grafana would.
 */
class DashboardQueriesParseTest {

    /** The Grafana built-in range variables the boards use (neither is a prefix of the other). */
    private static final Map<String, String> GRAFANA_RANGES = Map.of("$__rate_interval", "1m", "$__range", "6h");
    private static final String RULES_FILE = "dashboard-queries.rules.yaml";

    @Test
    void promtoolParsesEveryQuery() throws IOException {
        List<Map<String, String>> rules = new ArrayList<>();
        for (Dashboards dashboard : Dashboards.all()) {
            List<String> expressions = dashboard.expressions();
            for (int i = 0; i < expressions.size(); i++) {
                String expression = expressions.get(i);
                for (Map.Entry<String, String> range : GRAFANA_RANGES.entrySet()) {
                    expression = expression.replace(range.getKey(), range.getValue());
                }
                String board = dashboard.file().replace(".json", "").replaceAll("\\W", "_");
                rules.add(Map.of("record", "dashboard:" + board + "_" + i + ":query", "expr", expression));
            }
        }
        Path target = Overlay.moduleDir().resolve("target");
        Files.writeString(target.resolve(RULES_FILE), new YAMLMapper().writeValueAsString(
                Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));

        Detached.Finished checked = PromTool.run(target, "check", "rules", RULES_FILE);

        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("SUCCESS: " + rules.size() + " rules found");
    }
}
