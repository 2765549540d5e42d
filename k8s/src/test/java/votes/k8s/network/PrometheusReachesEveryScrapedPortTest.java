package votes.k8s.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import votes.k8s.render.LabelSelector;
import votes.k8s.render.Overlay;

/**
 * Under default-deny a ServiceMonitor is only half of a scrape: the pods behind its Service must also let Prometheus
 * in on the container port the Service's named port leads to. The flow table says it in prose; this follows the
 * names (ServiceMonitor port -> Service targetPort -> container port) so a renumbered port cannot slip past.
 */
class PrometheusReachesEveryScrapedPortTest {

    static final List<String> OVERLAYS = Overlay.NAMES;
    /** The scraping Prometheus as the flow table names it (k8s/README.md, "Network flows"). */
    private static final String PROMETHEUS = "monitoring/prometheus";

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theNetworkPoliciesLetPrometheusInOnEveryPortAServiceMonitorScrapes(String name) {
        Overlay overlay = Overlay.rendered(name);
        Set<Flow> ingress = PolicyFlows.of(overlay).stream().filter(PolicyFlows.Allowed::ingress)
                .map(PolicyFlows.Allowed::flow).collect(Collectors.toSet());

        assertThat(overlay.ofKind("ServiceMonitor")).isNotEmpty();
        for (ObjectNode monitor : overlay.ofKind("ServiceMonitor")) {
            LabelSelector selector = new LabelSelector(monitor.path("spec").path("selector").path("matchLabels"));
            for (ObjectNode service : overlay.ofKind("Service")) {
                if (!selector.matches(service.path("metadata").path("labels"))) {
                    continue;
                }
                for (JsonNode endpoint : monitor.path("spec").path("endpoints")) {
                    String pods = service.path("spec").path("selector").path("app.kubernetes.io/name").asString();
                    String port = containerPort(overlay, service, endpoint.path("port").asString());
                    assertThat(ingress).as("ServiceMonitor " + monitor.path("metadata").path("name").asString())
                            .contains(new Flow(PROMETHEUS, pods, port));
                }
            }
        }
    }

    /** The number of the container port a Service's named port targets, in the Deployment the Service selects. */
    private static String containerPort(Overlay overlay, JsonNode service, String servicePort) {
        JsonNode port = service.path("spec").path("ports").valueStream()
                .filter(p -> servicePort.equals(p.path("name").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("Service has no port " + servicePort + ": " + service));
        String target = port.path("targetPort").asString();
        LabelSelector pods = new LabelSelector(service.path("spec").path("selector"));
        return overlay.ofKind("Deployment").stream()
                .filter(d -> pods.matches(d.path("spec").path("template").path("metadata").path("labels")))
                .flatMap(d -> d.path("spec").path("template").path("spec").path("containers").valueStream())
                .flatMap(c -> c.path("ports").valueStream())
                .filter(p -> target.equals(p.path("name").asString()) || target.equals(p.path("containerPort").asString()))
                .map(p -> p.path("containerPort").asString()).findFirst()
                .orElseThrow(() -> new AssertionError("no container port " + target + " behind " + service));
    }
}
