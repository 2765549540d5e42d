package votes.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class KafkaTopicsTest {

    @Test
    void everyTopicOfTheContractIsCreatedWithItsPartitionCount() {
        assertThat(KafkaTopics.contract(6, 1)).extracting(t -> t.name() + "/" + t.numPartitions())
                .containsExactly("votes.submitted/6", "poll-events/3", "votes.dead-letter/3", "votes.flags/3",
                        "ledger.tally-deltas/6",
                        "ledger.polls/6", "vote-tallies/6");
    }

    @Test
    void aDerivedTopicWithFewerPartitionsThanTheContractIsGrownButTheRecordsTopicsNeverAre() {
        Map<String, Integer> live = Map.of("votes.submitted", 4, "poll-events", 3, "votes.dead-letter", 3,
                "votes.flags", 3, "ledger.tally-deltas", 6, "ledger.polls", 3, "vote-tallies", 8);

        assertThat(KafkaTopics.toGrow(KafkaTopics.contract(6, 1), live))
                .as("ledger.polls from before it was co-partitioned; votes.submitted is the record; never shrunk")
                .containsExactly(Map.entry("ledger.polls", 6));
    }

    @Test
    void theLogIsCreatedToBeKeptForEver() {
        assertThat(topic(KafkaTopics.contract(6, 1), "votes.submitted").configs())
                .containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1")
                .containsEntry("cleanup.policy", "delete").containsEntry("min.insync.replicas", "1")
                .containsEntry("unclean.leader.election.enable", "false");
        assertThat(topic(KafkaTopics.contract(6, 1), "poll-events").configs()).containsEntry("retention.ms", "-1");
        assertThat(topic(KafkaTopics.contract(6, 1), "votes.dead-letter").configs()).containsEntry("retention.ms", "-1");
    }

    @Test
    void onThreeBrokersEveryTopicHasThreeReplicasAndTwoMustAcknowledge() {
        assertThat(KafkaTopics.contract(6, 3)).allSatisfy(t -> {
            assertThat(t.replicationFactor()).as(t.name()).isEqualTo((short) 3);
            assertThat(t.configs()).as(t.name()).containsEntry("min.insync.replicas", "2");
        });
        assertThat(KafkaTopics.contract(6, 1)).allSatisfy(t -> assertThat(t.replicationFactor()).isEqualTo((short) 1));
    }

    @Test
    void talliesTopicIsCompactedSoTheLatestTallyPerPollIsKept() {
        assertThat(topic(KafkaTopics.contract(6, 1), "vote-tallies").configs())
                .containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
    }

    @Test
    void anExistingTopicGetsOnlyTheSettingsThatDifferAndTheChangeNamesTheOldValue() {
        Map<String, String> wanted = Map.of("retention.ms", "-1", "cleanup.policy", "delete");
        Map<String, String> live = Map.of("retention.ms", "604800000", "cleanup.policy", "delete", "segment.ms", "1");
        assertThat(TopicConfigChange.between("votes.submitted", wanted, live)).extracting(Object::toString)
                .containsExactly("votes.submitted: retention.ms 604800000 → -1");
        assertThat(TopicConfigChange.between("votes.submitted", wanted, Map.of("retention.ms", "-1",
                "cleanup.policy", "delete"))).isEmpty();
    }

    @Test
    void theOutcomeLineSaysWhatWasCreatedAndWhatChanged() {
        KafkaTopics.Outcome outcome = new KafkaTopics.Outcome(List.of("votes.dead-letter"), List.of(
                new TopicConfigChange("votes.submitted", "retention.ms", "604800000", "-1"),
                new TopicConfigChange("poll-events", "retention.ms", "604800000", "-1")));
        assertThat(outcome.describe()).isEqualTo("created votes.dead-letter; votes.submitted: retention.ms 604800000 → -1;"
                + " poll-events: retention.ms 604800000 → -1");
        assertThat(new KafkaTopics.Outcome(List.of(), List.of()).describe()).isEmpty();
    }

    private static NewTopic topic(List<NewTopic> topics, String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
