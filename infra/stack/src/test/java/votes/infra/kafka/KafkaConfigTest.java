package votes.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaConfigTest {

    private final String properties = new KafkaConfig(19092, 19093, Path.of("/data/kafka/log")).serverProperties();

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
                "share.coordinator.state.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0");
    }

    @Test
    void topicsAreNeverCreatedByAccident() {
        assertThat(properties).contains("auto.create.topics.enable=false");
    }

    @Test
    void brokerLogsGoToStderrSoToolOutputStaysClean() {
        assertThat(KafkaConfig.log4j2()).contains("target = SYSTEM_ERR").doesNotContain("SYSTEM_OUT");
    }

    @Test
    void standardTopicsFollowTheContract() {
        assertThat(KafkaTopics.standard(6)).extracting(t -> t.name() + "/" + t.numPartitions())
                .containsExactly("votes.submitted/6", "poll-events/3", "votes.dead-letter/3", "ledger.tally-deltas/6", "ledger.polls/3",
                        "vote-tallies/6");
    }

    @Test
    void talliesTopicIsCompactedSoTheLatestTallyPerPollIsKept() {
        assertThat(KafkaTopics.standard(6)).filteredOn(t -> t.name().equals("vote-tallies")).singleElement()
                .satisfies(t -> assertThat(t.configs()).containsEntry("cleanup.policy", "compact"));
    }
}
