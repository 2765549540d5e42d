package votes.k8s.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import votes.k8s.render.Overlay;

/**
 * The PrometheusRule each overlay renders carries exactly the rules file's groups, and every alert has a pager
 * severity and a runbook entry that exists in k8s/README.md.
 */
class PrometheusRuleMatchesRulesFileTest {

    static final List<String> OVERLAYS = Overlay.NAMES;
    private static final Set<String> SEVERITIES = Set.of("P1", "P2", "P3");
    private static final String RUNBOOK_PREFIX = "k8s/README.md#";

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theRenderedPrometheusRuleHasTheRulesFilesGroups(String overlay) {
        ObjectNode rule = Overlay.rendered(overlay).one("PrometheusRule", "votes-alerts");

        assertThat(rule.path("spec").path("groups")).isEqualTo(AlertRules.read(AlertRules.RULES_FILE).path("groups"));
    }

    @Test
    void everyAlertHasASeverityAndARunbookInTheReadme() throws IOException {
        Set<String> anchors = Files.readAllLines(Overlay.moduleDir().resolve("README.md")).stream()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
        for (JsonNode alert : AlertRules.alerts()) {
            String name = alert.path("alert").asString();
            String runbook = alert.path("annotations").path("runbook").asString();

            assertThat(alert.path("labels").path("severity").asString()).as(name).isIn(SEVERITIES);
            assertThat(runbook).as(name).isEqualTo(RUNBOOK_PREFIX + name.toLowerCase(Locale.ROOT));
            assertThat(anchors).as(name + "'s runbook heading in k8s/README.md").contains(runbook.substring(RUNBOOK_PREFIX.length()));
        }
    }
}
