package votes.k8s.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.node.ObjectNode;
import votes.k8s.render.Overlay;

class ManifestsMatchTheirSchemasTest {

    static final List<String> OVERLAYS = Overlay.NAMES;

    private final ManifestSchemas schemas = new ManifestSchemas(Overlay.moduleDir().resolve("schemas"));

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyRenderedObjectMatchesTheSchemaOfItsKind(String overlay) {
        List<String> violations = new ArrayList<>();
        List<ObjectNode> objects = Overlay.rendered(overlay).objects();
        objects.forEach(object -> schemas.violations(object).forEach(v -> violations.add(
                object.path("kind").asString() + " " + object.path("metadata").path("name").asString() + " " + v)));

        assertThat(objects).hasSizeGreaterThan(50);
        assertThat(violations).isEmpty();
    }

    @Test
    void aMisspeltFieldOfADeploymentIsRefused() {
        ObjectNode deployment = Overlay.rendered("prod").one("Deployment", "ingest").deepCopy();
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").path(0))
                .put("livenessProbes", "typo");

        assertThat(schemas.violations(deployment)).anySatisfy(v -> assertThat(v).contains("livenessProbes"));
    }

    @Test
    void aWrongTypeInACustomResourceIsRefused() {
        ObjectNode topic = Overlay.rendered("prod").ofKind("KafkaTopic").get(0).deepCopy();
        ((ObjectNode) topic.path("spec")).put("partitions", "many");

        assertThat(schemas.violations(topic)).anySatisfy(v -> assertThat(v).contains("partitions"));
    }

    @Test
    void aFieldACustomResourceDoesNotDeclareIsRefused() {
        ObjectNode cluster = Overlay.rendered("prod").one("Cluster", "ledger-pg").deepCopy();
        ((ObjectNode) cluster.path("spec")).put("instance", 3);

        assertThat(schemas.violations(cluster)).anySatisfy(v -> assertThat(v).contains("instance"));
    }

    @Test
    void aMisspeltFieldOfAServiceMonitorsEndpointIsRefused() {
        ObjectNode monitor = Overlay.rendered("prod").one("ServiceMonitor", "ingest").deepCopy();
        ((ObjectNode) monitor.path("spec").path("endpoints").path(0)).put("intervall", "15s");

        assertThat(schemas.violations(monitor)).anySatisfy(v -> assertThat(v).contains("intervall"));
    }

    @Test
    void aKindWithoutAVendoredSchemaIsReportedNotPassed() {
        ObjectNode secret = Overlay.rendered("prod").one("ConfigMap", "votes-identity").deepCopy();
        secret.put("kind", "Secret");

        assertThat(schemas.violations(secret)).singleElement().asString().startsWith("no vendored schema v1_Secret.json");
    }
}
