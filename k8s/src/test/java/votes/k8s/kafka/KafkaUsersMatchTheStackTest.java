package votes.k8s.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import votes.infra.kafka.security.KafkaAcls;
import votes.infra.kafka.security.KafkaPrincipal;
import votes.k8s.render.Overlay;

/**
 * Each service's KafkaUser holds exactly the ACLs the local stack grants its principal ({@link KafkaAcls#table()}),
 * and each service logs in as its own user.
 */
class KafkaUsersMatchTheStackTest {

    static final java.util.List<String> OVERLAYS = Overlay.NAMES;

    /** Users only a cluster has, each for a reason the local stack does not share. */
    static final Map<String, String> CLUSTER_ONLY = Map.of(
            "keda", "KEDA reads the ledger group's lag to scale it (describe only); the local stack has no autoscaler");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPrincipalOfTheStackIsAKafkaUserWithTheSameAcls(String name) {
        Map<String, Set<String>> cluster = new TreeMap<>();
        Overlay.rendered(name).ofKind("KafkaUser").forEach(user -> cluster.put(user.path("metadata").path("name")
                .asString(), grants(user.path("spec").path("authorization").path("acls"))));
        Map<String, Set<String>> stack = new TreeMap<>();
        KafkaAcls.table().forEach(acl -> stack.computeIfAbsent(acl.entry().principal().substring("User:".length()),
                k -> new TreeSet<>()).add(grant(acl)));

        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            if (principal != KafkaPrincipal.BROKER && principal != KafkaPrincipal.ADMIN) {
                assertThat(cluster.get(principal.user())).as("KafkaUser " + principal.user())
                        .isEqualTo(stack.get(principal.user()));
            }
        }
        Set<String> extra = new TreeSet<>(cluster.keySet());
        extra.removeAll(stack.keySet());
        assertThat(extra).isSubsetOf(CLUSTER_ONLY.keySet());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceLogsInAsItsOwnKafkaUser(String name) {
        Overlay overlay = Overlay.rendered(name);
        overlay.ofKind("Deployment").forEach(deployment -> deployment.path("spec").path("template").path("spec")
                .path("containers").forEach(container -> container.path("env").forEach(env -> {
                    if ("KAFKA_SASL_JAAS_CONFIG".equals(env.path("name").asString())) {
                        assertThat(env.path("valueFrom").path("secretKeyRef").path("name").asString())
                                .as(container.path("name").asString())
                                .isEqualTo(deployment.path("metadata").path("name").asString());
                    }
                })));
    }

    /** One ACL as the stack's table writes it: TOPIC votes.submitted LITERAL WRITE. */
    private static String grant(AclBinding acl) {
        return acl.pattern().resourceType() + " " + acl.pattern().name() + " " + acl.pattern().patternType() + " "
                + acl.entry().operation();
    }

    private static Set<String> grants(JsonNode acls) {
        Set<String> grants = new TreeSet<>();
        acls.forEach(acl -> acl.path("operations").forEach(op -> grants.add(
                snake(acl.path("resource").path("type").asString()) + " " + acl.path("resource").path("name").asString()
                        + " " + ("prefix".equals(acl.path("resource").path("patternType").asString()) ? "PREFIXED" : "LITERAL")
                        + " " + snake(op.asString()))));
        return grants;
    }

    /** Strimzi's camel case (transactionalId, DescribeConfigs) as Kafka's enum names (TRANSACTIONAL_ID, DESCRIBE_CONFIGS). */
    private static String snake(String camel) {
        return Arrays.stream(camel.split("(?<=[a-z])(?=[A-Z])")).map(String::toUpperCase)
                .collect(Collectors.joining("_"));
    }
}
