package votes.perf.fit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureLogTest {

    @Test
    void readsTheBotScoresDebugLineWhateverTheLogPrefix() {
        String line = "2026-11-30 12:00:01,123 DEBUG [vot.ing.bot.BotDefense] (vert.x-eventloop-thread-0) bot features "
                + "poll=p-1 voter=AbC_9 score=0,4321 address-velocity=0.1000 headless-user-agent=1.0000";

        ScoredVote vote = FeatureLog.parse(line).orElseThrow();

        assertThat(vote.pollId()).isEqualTo("p-1");
        assertThat(vote.voterId()).isEqualTo("AbC_9");
        assertThat(vote.score()).isEqualTo(0.4321);
        assertThat(vote.features()).containsEntry("address-velocity", 0.1).containsEntry("headless-user-agent", 1.0)
                .hasSize(2);
    }

    @Test
    void otherLinesAreNotScorings() {
        assertThat(FeatureLog.parse("INFO vote flagged poll=p voteId=v")).isEmpty();
        assertThat(FeatureLog.parse("bot features poll=p score=0.1")).isEmpty();
    }
}
