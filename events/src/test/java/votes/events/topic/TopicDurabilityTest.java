package votes.events.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicDurabilityTest {

    private static final Topics.Spec VOTES = Topics.spec(Topics.VOTES_SUBMITTED);

    @Test
    void aTopicOfRecordIsCreatedWithInfiniteRetentionAndNoCompaction() {
        assertThat(TopicDurability.configs(VOTES, 1)).containsEntry("retention.ms", "-1")
                .containsEntry("retention.bytes", "-1").containsEntry("cleanup.policy", "delete")
                .containsEntry("min.insync.replicas", "1").containsEntry("unclean.leader.election.enable", "false");
        assertThat(TopicDurability.configs(VOTES, 3)).containsEntry("min.insync.replicas", "2");
        assertThat(TopicDurability.replicationFactor(1)).isEqualTo((short) 1);
        assertThat(TopicDurability.replicationFactor(3)).isEqualTo((short) 3);
        assertThat(TopicDurability.replicationFactor(5)).isEqualTo((short) 3);
    }

    @Test
    void aProjectionTopicKeepsItsOwnConfigsAndDefaultRetention() {
        Map<String, String> tallies = TopicDurability.configs(Topics.spec(Topics.VOTE_TALLIES), 3);
        assertThat(tallies).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
    }

    @Test
    void theConfigsItCreatesHoldItsOwnCheck() {
        for (int brokers = 1; brokers <= 4; brokers++) {
            for (Topics.Spec spec : Topics.ALL) {
                assertThat(TopicDurability.weaknesses(spec, TopicDurability.configs(spec, brokers),
                        TopicDurability.replicationFactor(brokers), brokers)).as(spec.name()).isEmpty();
            }
        }
    }

    @Test
    void kafkasSevenDayDefaultIsNamedAsAWeakness() {
        Map<String, String> live = new HashMap<>(TopicDurability.configs(VOTES, 1));
        live.put("retention.ms", "604800000");
        assertThat(TopicDurability.weaknesses(VOTES, live, 1, 1))
                .containsExactly("votes.submitted: retention.ms=604800000, must be -1 (the log is kept for ever)");
    }

    @Test
    void everyWeakSettingIsNamed() {
        Map<String, String> live = Map.of("retention.ms", "-1", "retention.bytes", "1073741824",
                "cleanup.policy", "compact", "min.insync.replicas", "1", "unclean.leader.election.enable", "true");
        assertThat(TopicDurability.weaknesses(VOTES, live, 1, 3)).hasSize(5)
                .anySatisfy(line -> assertThat(line).contains("retention.bytes=1073741824"))
                .anySatisfy(line -> assertThat(line).contains("cleanup.policy=compact"))
                .anySatisfy(line -> assertThat(line).contains("min.insync.replicas=1, must be at least 2 on 3 broker(s)"))
                .anySatisfy(line -> assertThat(line).contains("unclean.leader.election.enable=true"))
                .anySatisfy(line -> assertThat(line).contains("replication factor 1, must be at least 3"));
    }

    @Test
    void missingConfigsAreWeakNotFine() {
        assertThat(TopicDurability.weaknesses(VOTES, Map.of(), 1, 1)).hasSize(5);
    }
}
