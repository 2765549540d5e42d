package votes.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import votes.k8s.render.Overlay;

/**
 * A Deployment sets only variables its service reads (a misspelt or stale name would silently leave the default in
 * force), apart from those it sets only to build another one with Kubernetes' {@code $(NAME)} (REDIS_URL from the
 * password's Secret).
 */
class DeploymentEnvIsWhatServicesReadTest {

    static final List<String> OVERLAYS = Overlay.NAMES;
    private static final Pattern EXPANSION = Pattern.compile("\\$\\(([A-Z][A-Z0-9_]*)\\)");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyVariableADeploymentSetsIsReadByItsService(String name) {
        for (ObjectNode deployment : Overlay.rendered(name).ofKind("Deployment")) {
            String service = deployment.path("metadata").path("name").asString();
            Set<String> read = ServiceSources.variablesRead(Overlay.repoRoot(), service);
            for (JsonNode container : DeploymentsAreOperableTest.podSpec(deployment).path("containers")) {
                Set<String> unread = new TreeSet<>();
                Set<String> expanded = new TreeSet<>();
                container.path("env").forEach(env -> {
                    Matcher m = EXPANSION.matcher(env.path("value").asString(""));
                    while (m.find()) {
                        expanded.add(m.group(1));
                    }
                });
                container.path("env").forEach(env -> {
                    String variable = env.path("name").asString();
                    if (!read.contains(variable) && !expanded.contains(variable)) {
                        unread.add(variable);
                    }
                });
                assertThat(unread).as(service + " sets variables its sources never read").isEmpty();
            }
        }
    }

    /** Kubernetes expands {@code $(NAME)} only from variables listed before; otherwise the text stays literal. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void aVariableBuiltFromAnotherComesAfterIt(String name) {
        for (ObjectNode deployment : Overlay.rendered(name).ofKind("Deployment")) {
            for (JsonNode container : DeploymentsAreOperableTest.podSpec(deployment).path("containers")) {
                Set<String> defined = new TreeSet<>();
                container.path("env").forEach(env -> {
                    Matcher m = EXPANSION.matcher(env.path("value").asString(""));
                    while (m.find()) {
                        assertThat(defined).as(env.path("name").asString() + " uses $(" + m.group(1) + ")")
                                .contains(m.group(1));
                    }
                    defined.add(env.path("name").asString());
                });
            }
        }
    }

    @Test
    void theSourcesAreReallyRead() {
        assertThat(ServiceSources.variablesRead(Overlay.repoRoot(), "ingest")).contains("KAFKA_BOOTSTRAP", "REDIS_URL");
        assertThat(ServiceSources.variablesRead(Overlay.repoRoot(), "cdc-relay")).contains("RELAY_OFFSETS_FILE");
        assertThat(ServiceSources.variablesRead(Overlay.repoRoot(), "gateway")).contains("INGEST_URL", "REALTIME_URL");
    }
}
