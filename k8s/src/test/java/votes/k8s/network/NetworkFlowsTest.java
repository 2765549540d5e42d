package votes.k8s.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import votes.k8s.render.Overlay;

/**
 * The NetworkPolicies allow exactly the flows of k8s/README.md's table ("Network flows", ARCHITECTURE.md's flows as
 * connections): nothing missing, nothing more, and everything else denied.
 */
class NetworkFlowsTest {

    static final List<String> OVERLAYS = Overlay.NAMES;
    /**
     * Peers whose own ingress is written by an operator (Strimzi) or that are outside our default-deny (so are pods of
     * another namespace, named {@code namespace/pods}, and CIDRs: both have a '/').
     */
    private static final Set<String> NOT_OURS = Set.of("kafka", "anywhere", "*");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyAllowedFlowIsARowOfTheTableAndEveryRowIsAllowed(String name) throws IOException {
        Set<Flow> table = FlowTable.read(Files.readString(Overlay.moduleDir().resolve("README.md")));
        Set<Flow> allowed = PolicyFlows.of(Overlay.rendered(name)).stream().map(PolicyFlows.Allowed::flow)
                .collect(Collectors.toCollection(() -> new TreeSet<>(FlowTable.ORDER)));

        assertThat(table).as("rows of the table").isNotEmpty();
        assertThat(allowed).as("allowed but not in the table").isSubsetOf(table);
        assertThat(table).as("in the table but not allowed").isSubsetOf(allowed);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void aFlowBetweenOurPodsIsAllowedOnBothSides(String name) {
        List<PolicyFlows.Allowed> allowed = PolicyFlows.of(Overlay.rendered(name));
        Set<Flow> ingress = allowed.stream().filter(PolicyFlows.Allowed::ingress).map(PolicyFlows.Allowed::flow)
                .collect(Collectors.toSet());
        Set<Flow> egress = allowed.stream().filter(a -> !a.ingress()).map(PolicyFlows.Allowed::flow)
                .collect(Collectors.toSet());

        egress.stream().filter(f -> ours(f.to())).forEach(f -> assertThat(ingress).as("ingress side of " + f).contains(f));
        ingress.stream().filter(f -> ours(f.from())).forEach(f -> assertThat(egress).as("egress side of " + f).contains(f));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everythingElseIsDenied(String name) {
        JsonNode deny = Overlay.rendered(name).one("NetworkPolicy", "default-deny").path("spec");

        assertThat(deny.path("podSelector").isEmpty()).isTrue();
        assertThat(deny.path("policyTypes")).map(JsonNode::asString).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.path("ingress").isEmpty()).isTrue();
        assertThat(deny.path("egress").isEmpty()).isTrue();
    }

    private static boolean ours(String peer) {
        return !NOT_OURS.contains(peer) && !peer.startsWith("namespace ") && !peer.contains("/");
    }
}
