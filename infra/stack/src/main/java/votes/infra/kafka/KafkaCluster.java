package votes.infra.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import votes.infra.kafka.security.ClusterSecurity;
import votes.infra.kafka.security.KafkaAccess;
import votes.infra.kafka.security.KafkaPrincipal;
import votes.infra.stack.Probes;
import votes.infra.stack.StackException;
import votes.infra.stack.StackPorts;
import votes.infra.stack.StackSettings;
import votes.infra.stack.Tier;

/**
 * The stack's Kafka as one start step: its nodes ({@link KafkaServer}, one component each) started together, then
 * the topics of the contract. Together because a node of a three-node controller quorum waits for a majority:
 * started one after the other, the first would never come up alone.
 */
public final class KafkaCluster {

    private final StackSettings settings;
    private final List<KafkaServer> nodes;

    public KafkaCluster(StackSettings settings) {
        this.settings = settings;
        this.nodes = IntStream.rangeClosed(1, settings.brokers()).mapToObj(node -> new KafkaServer(settings, node)).toList();
    }

    public List<KafkaServer> nodes() {
        return nodes;
    }

    /**
     * Starts the nodes that are down, each on a thread of its own, waits until every one is a live broker, then
     * creates the missing topics and brings existing ones up to the contract (also when everything was already up:
     * that is how a stack from before a config was required gets it).
     *
     * @return e.g. "up on 127.0.0.1:9092; created votes.dead-letter; votes.submitted: retention.ms 604800000 → -1"
     */
    public String start() {
        requireDistinctPorts();
        ClusterIdentity.settle(settings);
        KafkaAccess access = KafkaAccess.of(settings);
        // Generated here, on one thread: nodes starting in parallel would race to create (and read) the same files.
        KafkaAccess.scramUsers().forEach(access::password);
        List<KafkaServer> down = nodes.stream().filter(node -> !node.isUp()).toList();
        new Tier(down).start();
        String topicsOutcome;
        try (KafkaTopics topics = new KafkaTopics(access.admin())) {
            if (!Probes.await(KafkaServer.READY_TIMEOUT, null, () -> topics.liveBrokers().size() >= nodes.size())) {
                throw new StackException("Kafka has live brokers " + topics.liveBrokers() + " of " + nodes.size()
                        + " after " + KafkaServer.READY_TIMEOUT.toSeconds() + " s; see " + settings.logFile("kafka*"));
            }
            topicsOutcome = topics.ensure(KafkaTopics.contract(settings.votesPartitions(), nodes.size())).describe();
        } catch (IllegalStateException e) {
            throw new StackException("Kafka is up but its topics are not as the contract says: " + e.getMessage(), e);
        }
        topicsOutcome = join(topicsOutcome, acls(access));
        // Operators' and tests' admin login (./vote env: KAFKA_CLIENT_CONFIG), the auditor's read-only one.
        access.writeClientConfig(KafkaPrincipal.ADMIN);
        access.writeClientConfig(KafkaPrincipal.AUDIT);
        String brokers = nodes.size() == 1 ? "" : nodes.size() + " brokers ";
        return brokers + (down.isEmpty() ? "already up on " : "up on ") + settings.kafkaBootstrap()
                + (topicsOutcome.isEmpty() ? "" : "; " + topicsOutcome);
    }

    /** The ACL table on the cluster (added to; ACLs are never taken away here), before any service connects. */
    private String acls(KafkaAccess access) {
        try (ClusterSecurity security = new ClusterSecurity(access, access.admin())) {
            int created = security.ensureAcls();
            if (created > 0 && !Probes.await(KafkaServer.READY_TIMEOUT, null, security::enforced)) {
                throw new StackException("Kafka took the ACLs but its brokers do not show them after "
                        + KafkaServer.READY_TIMEOUT.toSeconds() + " s; see " + settings.logFile("kafka*"));
            }
            return created == 0 ? "" : "created " + created + " ACLs";
        } catch (IllegalStateException e) {
            throw new StackException("Kafka is up but its ACLs could not be set: " + e.getMessage(), e);
        }
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + "; " + second;
    }

    /** Node n listens 10·(n-1) ports above node 1: with VOTE_*_PORT set by hand that may land on another port. */
    private void requireDistinctPorts() {
        StackPorts p = settings.ports();
        List<Integer> ports = new ArrayList<>(List.of(p.gateway(), p.ingest(), p.ledger(), p.realtime(),
                p.projections(), p.relay(), p.postgres(), p.redis(), p.keycloak()));
        nodes.forEach(node -> ports.addAll(List.of(p.kafka(node.nodeId()), p.kafkaController(node.nodeId()))));
        List<Integer> clashes = ports.stream().filter(port -> java.util.Collections.frequency(ports, port) > 1)
                .distinct().toList();
        if (!clashes.isEmpty()) {
            throw new StackException("port(s) " + clashes + " would serve two parts of the stack: Kafka node n listens on"
                    + " VOTE_KAFKA_PORT + 10·(n-1) and VOTE_KAFKA_CONTROLLER_PORT + 10·(n-1); move the other VOTE_*_PORT");
        }
    }
}
