package votes.k8s.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import votes.k8s.alert.AlertRules;
import votes.k8s.dashboard.Dashboards;
import votes.k8s.render.LabelSelector;
import votes.k8s.render.Overlay;

/**
 * Prometheus scrapes every service of ours once, where it really answers, under the {@code job} the alerts and
 * dashboards query. A ServiceMonitor on a port name the Service lacks, or a second one on the same Service, is valid
 * to the API server and to the schema: the first scrapes nothing, the second doubles every sum.
 */
class ServiceMonitorsScrapeEveryServiceTest {

    static final List<String> OVERLAYS = Overlay.NAMES;
    /** Where every service of ours (the relay's HealthServer and the gateway too) serves its metrics. */
    private static final String METRICS_PATH = "/q/metrics";
    /** The labels a Prometheus's serviceMonitorSelector is told to match (k8s/README.md, "Alerts"). */
    private static final String PART_OF = "app.kubernetes.io/part-of";
    private static final Pattern JOB = Pattern.compile("job\\s*=~?\\s*\"([^\"]+)\"");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceOfOursHasExactlyOneServiceMonitorOnAPortItHas(String name) {
        Overlay overlay = Overlay.rendered(name);
        List<ObjectNode> services = servicesOfOurs(overlay);

        assertThat(services).hasSize(overlay.ofKind("Deployment").size());
        for (ObjectNode service : services) {
            String serviceName = service.path("metadata").path("name").asString();
            List<ObjectNode> monitors = monitorsOf(overlay, service);
            assertThat(monitors).as("ServiceMonitors selecting Service " + serviceName).hasSize(1);
            Set<String> ports = new TreeSet<>();
            service.path("spec").path("ports").forEach(port -> ports.add(port.path("name").asString()));
            JsonNode endpoints = monitors.get(0).path("spec").path("endpoints");
            assertThat(endpoints).as(serviceName).isNotEmpty().allSatisfy(endpoint -> {
                assertThat(ports).as(serviceName + "'s port names").contains(endpoint.path("port").asString());
                assertThat(endpoint.path("path").asString()).as(serviceName).isEqualTo(METRICS_PATH);
            });
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceMonitorSelectsAServiceOfOursAndIsLabelledForTheSelector(String name) {
        Overlay overlay = Overlay.rendered(name);
        List<ObjectNode> services = servicesOfOurs(overlay);

        assertThat(overlay.ofKind("ServiceMonitor")).isNotEmpty().allSatisfy(monitor -> {
            String monitorName = monitor.path("metadata").path("name").asString();
            assertThat(services).as("Services of ours ServiceMonitor " + monitorName + " selects")
                    .filteredOn(service -> selects(monitor, service)).hasSize(1);
            assertThat(monitor.path("metadata").path("labels").path(PART_OF).asString()).as(monitorName)
                    .isEqualTo("votes");
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theJobsTheServiceMonitorsGiveAreTheJobsTheRulesAndDashboardsQuery(String name) {
        Overlay overlay = Overlay.rendered(name);
        Set<String> given = new TreeSet<>();
        for (ObjectNode service : servicesOfOurs(overlay)) {
            monitorsOf(overlay, service).forEach(monitor -> given.add(job(monitor, service)));
        }

        assertThat(given).isEqualTo(queriedJobs());
    }

    /** The Services in front of a Deployment: every Deployment is a service of ours, and each serves metrics. */
    private static List<ObjectNode> servicesOfOurs(Overlay overlay) {
        return overlay.ofKind("Service").stream().filter(service -> overlay.ofKind("Deployment").stream()
                .anyMatch(d -> new LabelSelector(service.path("spec").path("selector"))
                        .matches(d.path("spec").path("template").path("metadata").path("labels")))).toList();
    }

    private static List<ObjectNode> monitorsOf(Overlay overlay, ObjectNode service) {
        return overlay.ofKind("ServiceMonitor").stream().filter(monitor -> selects(monitor, service)).toList();
    }

    /** No namespaceSelector (checked: the operator then looks in the monitor's own namespace, the Services'). */
    private static boolean selects(JsonNode monitor, JsonNode service) {
        assertThat(monitor.path("spec").has("namespaceSelector")).isFalse();
        return new LabelSelector(monitor.path("spec").path("selector").path("matchLabels"))
                .matches(service.path("metadata").path("labels"));
    }

    /**
     * The job label the Prometheus Operator gives a target (v0.93.0, pkg/prometheus/promcfg.go): the Service's name,
     * replaced by the value of the Service's label named by {@code jobLabel} when it has one.
     */
    private static String job(JsonNode monitor, JsonNode service) {
        String jobLabel = monitor.path("spec").path("jobLabel").asString("");
        String labelled = jobLabel.isEmpty() ? "" : service.path("metadata").path("labels").path(jobLabel).asString("");
        return labelled.isEmpty() ? service.path("metadata").path("name").asString() : labelled;
    }

    /** Every job an alert rule or a dashboard query names, alternatives of a {@code job=~"a|b"} included. */
    private static Set<String> queriedJobs() {
        List<String> expressions = new ArrayList<>();
        AlertRules.rules().forEach(rule -> expressions.add(rule.path("expr").asString()));
        Dashboards.all().forEach(board -> expressions.addAll(board.expressions()));
        Set<String> jobs = new TreeSet<>();
        for (String expression : expressions) {
            Matcher matcher = JOB.matcher(expression);
            while (matcher.find()) {
                jobs.addAll(List.of(matcher.group(1).split("\\|")));
            }
        }
        return jobs;
    }
}
