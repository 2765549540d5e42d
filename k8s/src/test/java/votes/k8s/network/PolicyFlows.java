package votes.k8s.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import votes.k8s.render.Overlay;

/**
 * The flows an overlay's NetworkPolicies allow, and those of the Kafka listener's {@code networkPolicyPeers} (Strimzi
 * turns them into the NetworkPolicy of Kafka's pods), each with the side that allows it.
 */
final class PolicyFlows {

    /** A flow and whether an ingress rule (of the receiving pods) or an egress rule (of the sending pods) allows it. */
    record Allowed(Flow flow, boolean ingress) {
    }

    /** Selector label -> peer name, for pods that are not one of our services. */
    private static final Map<String, String> WELL_KNOWN = Map.of(
            "cnpg.io/cluster", "postgres",
            "acme.cert-manager.io/http01-solver", "acme-solver",
            "k8s-app", "dns");

    private PolicyFlows() {
    }

    static List<Allowed> of(Overlay overlay) {
        List<Allowed> allowed = new ArrayList<>();
        for (JsonNode policy : overlay.ofKind("NetworkPolicy")) {
            JsonNode spec = policy.path("spec");
            String subject = podsName(spec.path("podSelector"));
            spec.path("ingress").forEach(rule -> peers(rule.path("from")).forEach(from -> ports(rule).forEach(port ->
                    allowed.add(new Allowed(new Flow(from, subject, port), true)))));
            spec.path("egress").forEach(rule -> peers(rule.path("to")).forEach(to -> ports(rule).forEach(port ->
                    allowed.add(new Allowed(new Flow(subject, to, port), false)))));
        }
        overlay.ofKind("Kafka").forEach(kafka -> kafka.path("spec").path("kafka").path("listeners").forEach(listener ->
                listener.path("networkPolicyPeers").forEach(peer -> allowed.add(new Allowed(
                        new Flow(peerName(peer), "kafka", listener.path("port").asString()), true)))));
        return allowed;
    }

    private static List<String> peers(JsonNode peers) {
        List<String> names = new ArrayList<>();
        if (peers.isMissingNode() || peers.isEmpty()) {
            names.add("anywhere");
        }
        peers.forEach(peer -> names.add(peerName(peer)));
        return names;
    }

    private static List<String> ports(JsonNode rule) {
        List<String> ports = new ArrayList<>();
        rule.path("ports").forEach(port -> {
            String number = port.path("port").asString();
            if (!ports.contains(number)) {
                ports.add(number);
            }
        });
        if (ports.isEmpty()) {
            ports.add("any");
        }
        return ports;
    }

    static String peerName(JsonNode peer) {
        if (peer.has("ipBlock")) {
            return peer.path("ipBlock").path("cidr").asString();
        }
        if (peer.has("namespaceSelector")) {
            String namespace = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name")
                    .asString();
            // Pods of another namespace are named with it: they are outside our default-deny, and a name of ours
            // alone (Prometheus is app.kubernetes.io/name: prometheus) would pass for a pod of this namespace.
            return peer.has("podSelector") ? namespace + "/" + podsName(peer.path("podSelector")) : "namespace " + namespace;
        }
        return podsName(peer.path("podSelector"));
    }

    private static String podsName(JsonNode selector) {
        JsonNode labels = selector.path("matchLabels");
        if (labels.isEmpty()) {
            return "*";
        }
        if (labels.has("app.kubernetes.io/name")) {
            return labels.path("app.kubernetes.io/name").asString();
        }
        if ("votes-entity-operator".equals(labels.path("strimzi.io/name").asString())) {
            return "kafka-entity-operator";
        }
        if ("votes".equals(labels.path("strimzi.io/cluster").asString())) {
            return "kafka";
        }
        return WELL_KNOWN.entrySet().stream().filter(e -> labels.has(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no flow-table name for pods " + labels));
    }
}
