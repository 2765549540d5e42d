package votes.infra.kafka;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import votes.events.topic.TopicDurability;
import votes.infra.kafka.security.KafkaAccess;
import votes.infra.kafka.security.KafkaPrincipal;
import votes.infra.stack.StackPorts;

/**
 * Renders one node's server.properties and the log4j2 config: {@code brokers} combined KRaft broker+controller
 * nodes on loopback, the controllers forming a static quorum of all of them (a majority must be up). Every listener
 * authenticates (SASL): clients and brokers with SCRAM-SHA-512, the controllers with PLAIN (their one user, the
 * broker, is in the file: a controller must admit the brokers before any SCRAM credential is in the metadata). The
 * StandardAuthorizer denies what no ACL allows ({@code votes.infra.kafka.security.KafkaAcls}).
 */
public record KafkaConfig(int nodeId, int brokers, StackPorts ports, Path logDirs, KafkaAccess access) {

    /**
     * A lone node has no follower that the controller's heartbeat into the metadata log (a NoOpRecord every 500 ms by
     * default: an event, an append and a flush each time) could tell anything: every 5 s is enough to keep its own
     * metadata fresh. The idle controller's events fall from ~320 to ~110 a minute (its own log); the broker's CPU
     * did not move measurably (the raft fetch loop stays), the metadata log's appends and flushes do.
     */
    private static final String ALONE = "metadata.max.idle.interval.ms=5000";

    public String serverProperties() {
        return serverProperties(false);
    }

    /**
     * @param adminOverPlain also accept the admin over PLAIN on the client listener: for a home formatted before
     *                       SCRAM users existed, whose users must be added before any SCRAM login can work
     */
    public String serverProperties(boolean adminOverPlain) {
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
                "listeners=CLIENT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=CLIENT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT",
                "inter.broker.listener.name=CLIENT",
                security(adminOverPlain),
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
                handlerThreads(Runtime.getRuntime().availableProcessors()),
                coordinatorThreads(Runtime.getRuntime().availableProcessors()),
                "") + "\n";
    }

    /**
     * Request handlers for a node that shares the machine's cores with the whole stack: Kafka's 8 are for a machine of
     * its own. More handlers than cores only adds idle wake-ups (each waits on the request queue 300 ms at a time): on
     * two cores the eight cost ~8 ms/s of CPU with nothing flowing, two ~4 (perf/RESULTS.md "Idle burn: the side
     * channels"). Never above Kafka's default. The network threads keep Kafka's 3: one saved under 1 ms/s idle, and
     * at 400 votes/s it took a tenth off the broker's thread runs per vote but not its CPU per vote (perf/RESULTS.md,
     * "The broker's network threads at one").
     */
    static String handlerThreads(int cores) {
        int handlers = Math.max(2, Math.min(cores, 8));
        return "num.io.threads=" + handlers;
    }

    /**
     * The group coordinator's event threads, by the same reasoning as the request handlers: each waits on its event
     * queue 300 ms at a time (Kafka's {@code MultiThreadedEventProcessor}), so Kafka's 4 on two cores woke ~13 times a
     * second with no group doing anything, for events (heartbeats, offset commits) that take microseconds each. One per
     * core, never above Kafka's default.
     */
    static String coordinatorThreads(int cores) {
        return "group.coordinator.threads=" + Math.max(1, Math.min(cores, 4));
    }

    /** SASL on both listeners, and an authorizer that allows only what an ACL (or being a super user) allows. */
    private String security(boolean adminOverPlain) {
        return String.join("\n",
                "sasl.enabled.mechanisms=" + KafkaAccess.MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + KafkaAccess.MECHANISM,
                "listener.name.client.sasl.enabled.mechanisms=" + KafkaAccess.MECHANISM + (adminOverPlain ? ",PLAIN" : ""),
                adminOverPlain ? "listener.name.client.plain.sasl.jaas.config=" + access.adminPlainJaas() : "",
                "listener.name.client.scram-sha-512.sasl.jaas.config=" + access.scramJaas(KafkaPrincipal.BROKER),
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + access.controllerJaas(),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=" + KafkaPrincipal.BROKER.principal() + ";" + KafkaPrincipal.ADMIN.principal());
    }

    /**
     * With several nodes, how soon a dead one stops holding things up: until the controller fences it, it stays
     * leader of its partitions and in the ISR of the others, so acks=all appends wait. Kafka's 9 s would outlast
     * ingest's 3 s delivery timeout (a 503); 2 s (a heartbeat every 500 ms, four missed) fences a killed node in
     * time, at the risk of fencing a live one that a loaded machine starves for 2 s (it then rejoins at once).
     */
    private String failover() {
        return brokers == 1 ? ALONE : "broker.session.timeout.ms=2000\nbroker.heartbeat.interval.ms=500";
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
