package votes.infra.kafka;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import votes.events.topic.TopicDurability;
import votes.infra.stack.StackPorts;

/**
 * Renders one node's server.properties and the log4j2 config: {@code brokers} combined KRaft broker+controller
 * nodes on loopback, the controllers forming a static quorum of all of them (a majority must be up).
 */
public record KafkaConfig(int nodeId, int brokers, StackPorts ports, Path logDirs) {

    public String serverProperties() {
        int port = ports.kafka(nodeId);
        int controllerPort = ports.kafkaController(nodeId);
        String voters = IntStream.rangeClosed(1, brokers)
                .mapToObj(node -> node + "@127.0.0.1:" + ports.kafkaController(node)).collect(Collectors.joining(","));
        // Kafka's internal topics get the durability of our own (TopicDurability): RF min(3, brokers), and an
        // acknowledged offset commit or transaction marker needs min(2, brokers) replicas.
        short replicas = TopicDurability.replicationFactor(brokers);
        int minIsr = TopicDurability.minInsyncReplicas(brokers);
        return String.join("\n",
                "# Written by votes-infra: node " + nodeId + " of " + brokers
                        + ", a combined KRaft broker+controller on loopback.",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDirs,
                "num.partitions=1",
                "default.replication.factor=" + replicas,
                "offsets.topic.replication.factor=" + replicas,
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + minIsr,
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + minIsr,
                "min.insync.replicas=" + minIsr,
                // Kafka's default too; said here because a stale replica as leader would drop acknowledged records.
                "unclean.leader.election.enable=false",
                // Consumers of tests and of a freshly started ledger join at once instead of waiting 3 s.
                "group.initial.rebalance.delay.ms=0",
                // Services must find their topics created by infra, never by accident.
                "auto.create.topics.enable=false",
                failover(),
                "") + "\n";
    }

    /**
     * With several nodes, how soon a dead one stops holding things up: until the controller fences it, it stays
     * leader of its partitions and in the ISR of the others, so acks=all appends wait. Kafka's 9 s would outlast
     * ingest's 3 s delivery timeout (a 503); 2 s (a heartbeat every 500 ms, four missed) fences a killed node in
     * time, at the risk of fencing a live one that a loaded machine starves for 2 s (it then rejoins at once).
     */
    private String failover() {
        return brokers == 1 ? "" : "broker.session.timeout.ms=2000\nbroker.heartbeat.interval.ms=500";
    }

    /** Broker logs go to stderr (redirected to the log file): stdout must stay clean for StorageTool output. */
    public static String log4j2() {
        return """
                status = warn
                appender.stderr.type = Console
                appender.stderr.name = STDERR
                appender.stderr.target = SYSTEM_ERR
                appender.stderr.layout.type = PatternLayout
                appender.stderr.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = INFO
                rootLogger.appenderRef.stderr.ref = STDERR
                logger.clients.name = org.apache.kafka.clients
                logger.clients.level = WARN
                logger.config.name = org.apache.kafka.common.config.AbstractConfig
                logger.config.level = WARN
                """;
    }
}
