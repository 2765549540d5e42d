package votes.infra.kafka;

import java.nio.file.Path;

/** Renders the broker's server.properties and log4j2 config: one combined KRaft node on loopback. */
public record KafkaConfig(int port, int controllerPort, Path logDirs) {

    public String serverProperties() {
        return String.join("\n",
                "# Written by votes-infra: one combined KRaft broker+controller on loopback.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDirs,
                "num.partitions=1",
                // A single node cannot hold three replicas of the internal topics.
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                // Consumers of tests and of a freshly started ledger join at once instead of waiting 3 s.
                "group.initial.rebalance.delay.ms=0",
                // Services must find their topics created by infra, never by accident.
                "auto.create.topics.enable=false",
                "") + "\n";
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
