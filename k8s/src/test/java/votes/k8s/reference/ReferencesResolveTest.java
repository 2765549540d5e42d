package votes.k8s.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import votes.k8s.render.LabelSelector;
import votes.k8s.render.Overlay;

/**
 * Names that point at other objects point at rendered ones: an operator silently ignores a KafkaTopic labelled for
 * another cluster, and a Service whose selector matches no pod answers nothing. A schema cannot see either.
 */
class ReferencesResolveTest {

    static final List<String> OVERLAYS = Overlay.NAMES;
    private static final List<String> STRIMZI_KINDS = List.of("KafkaNodePool", "KafkaTopic", "KafkaUser");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void strimziResourcesNameTheRenderedKafka(String name) {
        Overlay overlay = Overlay.rendered(name);
        String kafka = overlay.ofKind("Kafka").get(0).path("metadata").path("name").asString();

        assertThat(overlay.ofKind("Kafka")).hasSize(1);
        STRIMZI_KINDS.forEach(kind -> assertThat(overlay.ofKind(kind)).as(kind).isNotEmpty()
                .allSatisfy(o -> assertThat(o.path("metadata").path("labels").path("strimzi.io/cluster").asString())
                        .as(kind + " " + o.path("metadata").path("name").asString()).isEqualTo(kafka)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceSelectsPodsOfAWorkloadAndEveryScalerTargetsOne(String name) {
        Overlay overlay = Overlay.rendered(name);
        List<ObjectNode> workloads = new ArrayList<>(overlay.ofKind("Deployment"));
        workloads.addAll(overlay.ofKind("StatefulSet"));

        for (ObjectNode service : overlay.ofKind("Service")) {
            JsonNode selector = service.path("spec").path("selector");
            assertThat(workloads).as("pods of Service " + service.path("metadata").path("name").asString())
                    .anyMatch(w -> new LabelSelector(selector).matches(w.path("spec").path("template").path("metadata").path("labels")));
        }
        overlay.ofKind("HorizontalPodAutoscaler").forEach(hpa ->
                overlay.one("Deployment", hpa.path("spec").path("scaleTargetRef").path("name").asString()));
        overlay.ofKind("ScaledObject").forEach(scaled ->
                overlay.one("Deployment", scaled.path("spec").path("scaleTargetRef").path("name").asString()));
        overlay.ofKind("ScheduledBackup").forEach(backup ->
                overlay.one("Cluster", backup.path("spec").path("cluster").path("name").asString()));
        overlay.ofKind("Ingress").forEach(ingress -> ingress.path("spec").path("rules").forEach(rule ->
                rule.path("http").path("paths").forEach(path ->
                        overlay.one("Service", path.path("backend").path("service").path("name").asString()))));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressServesTheCertificatesSecretForItsHosts(String name) {
        Overlay overlay = Overlay.rendered(name);
        JsonNode certificate = overlay.ofKind("Certificate").get(0).path("spec");
        JsonNode tls = overlay.one("Ingress", "votes").path("spec").path("tls").path(0);

        assertThat(tls.path("secretName").asString()).isEqualTo(certificate.path("secretName").asString());
        assertThat(tls.path("hosts")).map(JsonNode::asString)
                .containsExactlyInAnyOrderElementsOf(certificate.path("dnsNames").valueStream().map(JsonNode::asString).toList());
        overlay.one("Issuer", certificate.path("issuerRef").path("name").asString());
    }
}
