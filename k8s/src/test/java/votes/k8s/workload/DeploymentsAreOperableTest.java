package votes.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import votes.k8s.render.LabelSelector;
import votes.k8s.render.Overlay;

/** What every Deployment needs to be run, drained and scaled without surprises. */
class DeploymentsAreOperableTest {

    static final List<String> OVERLAYS = Overlay.NAMES;
    static final List<String> SERVICES = List.of("ingest", "ledger", "cdc-relay", "projections", "realtime", "gateway");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceIsOneDeployment(String name) {
        assertThat(Overlay.rendered(name).ofKind("Deployment")).map(d -> d.path("metadata").path("name").asString())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasHealthProbesAndResourceLimits(String name) {
        for (ObjectNode deployment : Overlay.rendered(name).ofKind("Deployment")) {
            for (JsonNode container : podSpec(deployment).path("containers")) {
                String where = deployment.path("metadata").path("name").asString() + "/" + container.path("name").asString();
                assertThat(container.path("livenessProbe").path("httpGet").path("path").asString()).as(where)
                        .isEqualTo("/q/health/live");
                assertThat(container.path("readinessProbe").path("httpGet").path("path").asString()).as(where)
                        .isEqualTo("/q/health/ready");
                assertThat(container.path("resources").path("limits").path("memory").asString()).as(where).isNotEmpty();
                assertThat(container.path("resources").path("requests").path("cpu").asString()).as(where).isNotEmpty();
                assertThat(container.path("image").asString()).as(where).matches("votes/[a-z-]+:.+");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDeploymentHasADisruptionBudgetSpreadAndItsOwnServiceAccount(String name) {
        Overlay overlay = Overlay.rendered(name);
        for (ObjectNode deployment : overlay.ofKind("Deployment")) {
            String deploymentName = deployment.path("metadata").path("name").asString();
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            assertThat(overlay.ofKind("PodDisruptionBudget")).as(deploymentName + " PodDisruptionBudget")
                    .anyMatch(pdb -> new LabelSelector(pdb.path("spec").path("selector").path("matchLabels")).matches(podLabels));
            assertThat(podSpec(deployment).path("topologySpreadConstraints")).as(deploymentName).isNotEmpty();
            String account = podSpec(deployment).path("serviceAccountName").asString();
            assertThat(account).as(deploymentName).isEqualTo(deploymentName);
            overlay.one("ServiceAccount", account);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void secretsAreReferencedNeverWritten(String name) {
        Overlay overlay = Overlay.rendered(name);
        Predicate<String> secretName = n -> n.endsWith("PASSWORD") || n.endsWith("_KEY") || n.endsWith("SECRET")
                || n.endsWith("JAAS_CONFIG");

        assertThat(overlay.ofKind("Secret")).isEmpty();
        for (ObjectNode deployment : overlay.ofKind("Deployment")) {
            for (JsonNode container : podSpec(deployment).path("containers")) {
                container.path("env").forEach(env -> {
                    if (secretName.test(env.path("name").asString())) {
                        assertThat(env.has("value")).as(env.path("name").asString() + " has a literal value").isFalse();
                        assertThat(env.path("valueFrom").path("secretKeyRef").path("name").asString()).isNotEmpty();
                    }
                });
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void ingestAndRealtimeScaleOnCpuAndTheLedgerOnLagUpToThePartitions(String name) {
        Overlay overlay = Overlay.rendered(name);
        for (String service : List.of("ingest", "realtime")) {
            JsonNode hpa = overlay.one("HorizontalPodAutoscaler", service).path("spec");
            assertThat(hpa.path("scaleTargetRef").path("name").asString()).isEqualTo(service);
            assertThat(hpa.path("metrics").path(0).path("resource").path("name").asString()).isEqualTo("cpu");
        }
        JsonNode ledger = overlay.one("ScaledObject", "ledger").path("spec");
        JsonNode trigger = ledger.path("triggers").path(0);
        int partitions = overlay.ofKind("KafkaTopic").stream()
                .filter(t -> trigger.path("metadata").path("topic").asString()
                        .equals(t.path("spec").path("topicName").asString()))
                .mapToInt(t -> t.path("spec").path("partitions").asInt()).findFirst().orElseThrow();

        assertThat(trigger.path("type").asString()).isEqualTo("kafka");
        assertThat(ledger.path("scaleTargetRef").path("name").asString()).isEqualTo("ledger");
        assertThat(ledger.path("maxReplicaCount").asInt()).isEqualTo(partitions);
    }

    static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }
}
