package votes.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import votes.infra.stack.StackPorts;

class KafkaConfigTest {

    private static final StackPorts PORTS = new StackPorts(1, 2, 3, 4, 5, 6, 19092, 19093, 7, 8, 9);

    private final String properties = new KafkaConfig(1, 1, PORTS, Path.of("/data/kafka/log")).serverProperties();
    private final String secondOfThree = new KafkaConfig(2, 3, PORTS, Path.of("/data/kafka-2/log")).serverProperties();

    @Test
    void singleNodeIsBrokerAndControllerOnLoopback() {
        assertThat(properties).contains("process.roles=broker,controller", "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:19093",
                "listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093",
                "advertised.listeners=PLAINTEXT://127.0.0.1:19092", "log.dirs=/data/kafka/log");
    }

    @Test
    void internalTopicsFitOneBrokerAndConsumersJoinWithoutDelay() {
        assertThat(properties).contains("offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0",
                "min.insync.replicas=1");
    }

    @Test
    void eachOfThreeNodesListensTenPortsAfterThePreviousAndAllThreeVote() {
        assertThat(secondOfThree).contains("node.id=2",
                "controller.quorum.voters=1@127.0.0.1:19093,2@127.0.0.1:19103,3@127.0.0.1:19113",
                "listeners=PLAINTEXT://127.0.0.1:19102,CONTROLLER://127.0.0.1:19103",
                "advertised.listeners=PLAINTEXT://127.0.0.1:19102", "log.dirs=/data/kafka-2/log");
    }

    @Test
    void onThreeBrokersInternalTopicsHaveThreeReplicasAndTwoMustAcknowledge() {
        assertThat(secondOfThree).contains("default.replication.factor=3", "offsets.topic.replication.factor=3",
                "transaction.state.log.replication.factor=3", "transaction.state.log.min.isr=2",
                "share.coordinator.state.topic.replication.factor=3", "share.coordinator.state.topic.min.isr=2",
                "min.insync.replicas=2", "unclean.leader.election.enable=false");
    }

    @Test
    void aDeadNodeOfThreeIsFencedWithinTwoSecondsWhileOneNodeKeepsKafkasDefaults() {
        assertThat(secondOfThree).contains("broker.session.timeout.ms=2000", "broker.heartbeat.interval.ms=500");
        assertThat(properties).doesNotContain("broker.session.timeout.ms");
    }

    @Test
    void topicsAreNeverCreatedByAccident() {
        assertThat(properties).contains("auto.create.topics.enable=false");
    }

    @Test
    void brokerLogsGoToStderrSoToolOutputStaysClean() {
        assertThat(KafkaConfig.log4j2()).contains("target = SYSTEM_ERR").doesNotContain("SYSTEM_OUT");
    }
}
