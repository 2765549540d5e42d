package votes.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.infra.kafka.security.KafkaAccess;
import votes.infra.stack.StackPorts;
import votes.infra.stack.StackSettings;

class KafkaConfigTest {

    private static final StackPorts PORTS = new StackPorts(1, 2, 3, 4, 5, 6, 19092, 19093, 7, 8, 9, 10, 11, 12);

    @TempDir
    static Path home;

    private final KafkaAccess access = KafkaAccess.of(StackSettings.ephemeral(home, home).withPorts(PORTS));
    private final String properties = new KafkaConfig(1, 1, PORTS, Path.of("/data/kafka/log"), access)
            .serverProperties();
    private final String secondOfThree = new KafkaConfig(2, 3, PORTS, Path.of("/data/kafka-2/log"), access)
            .serverProperties();

    @Test
    void singleNodeIsBrokerAndControllerOnLoopback() {
        assertThat(properties).contains("process.roles=broker,controller", "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:19093",
                "listeners=CLIENT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093",
                "advertised.listeners=CLIENT://127.0.0.1:19092", "log.dirs=/data/kafka/log");
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
                "listeners=CLIENT://127.0.0.1:19102,CONTROLLER://127.0.0.1:19103",
                "advertised.listeners=CLIENT://127.0.0.1:19102", "log.dirs=/data/kafka-2/log");
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
    void aLoneNodesControllerHeartbeatsIntoTheMetadataLogEveryFiveSecondsAQuorumKeepsKafkasDefault() {
        assertThat(properties).contains("metadata.max.idle.interval.ms=5000");
        assertThat(secondOfThree).doesNotContain("metadata.max.idle.interval.ms");
    }

    @Test
    void everyListenerAuthenticatesClientsAndBrokersWithScramAndControllersWithPlain() {
        assertThat(properties).contains("listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT",
                "inter.broker.listener.name=CLIENT", "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
                "listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512",
                "sasl.mechanism.controller.protocol=PLAIN", "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + access.controllerJaas())
                .doesNotContain("PLAINTEXT:PLAINTEXT");
    }

    @Test
    void onlyAclsOrBeingBrokerOrAdminAllowAnything() {
        assertThat(properties).contains(
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false", "super.users=User:broker;User:admin");
    }

    @Test
    void aNodeHasNoMoreRequestHandlersThanTheMachineHasCoresAndNeverMoreThanKafkasDefaults() {
        assertThat(KafkaConfig.handlerThreads(1)).isEqualTo("num.io.threads=2");
        assertThat(KafkaConfig.handlerThreads(2)).isEqualTo("num.io.threads=2");
        assertThat(KafkaConfig.handlerThreads(4)).isEqualTo("num.io.threads=4");
        assertThat(KafkaConfig.handlerThreads(64)).isEqualTo("num.io.threads=8");
        assertThat(properties).contains(KafkaConfig.handlerThreads(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void theGroupCoordinatorHasOneEventThreadPerCoreAndNeverMoreThanKafkasDefault() {
        assertThat(KafkaConfig.coordinatorThreads(1)).isEqualTo("group.coordinator.threads=1");
        assertThat(KafkaConfig.coordinatorThreads(2)).isEqualTo("group.coordinator.threads=2");
        assertThat(KafkaConfig.coordinatorThreads(64)).isEqualTo("group.coordinator.threads=4");
        assertThat(properties).contains(KafkaConfig.coordinatorThreads(Runtime.getRuntime().availableProcessors()));
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
