package votes.k8s.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.node.ObjectNode;
import votes.k8s.render.Overlay;

/**
 * Every overlay deploys every dashboard, byte for byte, in a ConfigMap of its own that Grafana's dashboard sidecar
 * picks up (label {@code grafana_dashboard: "1"}), and nothing else carries that label.
 */
class DashboardsShipAsConfigMapsTest {

    static final List<String> OVERLAYS = Overlay.NAMES;
    private static final String SIDECAR_LABEL = "grafana_dashboard";

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDashboardIsOneSidecarConfigMapWithTheFileAsWritten(String overlay) {
        List<ObjectNode> labelled = Overlay.rendered(overlay).ofKind("ConfigMap").stream()
                .filter(map -> map.path("metadata").path("labels").has(SIDECAR_LABEL)).toList();
        List<Dashboards> dashboards = Dashboards.all();

        assertThat(labelled).hasSameSizeAs(dashboards).allSatisfy(map -> {
            assertThat(map.path("metadata").path("labels").path(SIDECAR_LABEL).asString()).isEqualTo("1");
            assertThat(map.path("data").size()).isEqualTo(1);
        });
        assertThat(dashboards).allSatisfy(dashboard -> assertThat(labelled)
                .filteredOn(map -> dashboard.json().equals(map.path("data").path(dashboard.file()).asString(null)))
                .as(dashboard.file()).hasSize(1));
    }
}
