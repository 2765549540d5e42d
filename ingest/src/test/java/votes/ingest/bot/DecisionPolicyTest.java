package votes.ingest.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {

    private final DecisionPolicy policy = new DecisionPolicy(0.3, 0.7, 0.95, 10, 22, 2);

    @Test
    void aCleanScoreIsAllowedWithoutWorkAndUnflagged() {
        assertThat(policy.decide(0.29, 0.9, -1)).isEqualTo(new Decision.Allow(false));
    }

    @Test
    void aSuspectScoreIsChallengedFromTheFloor() {
        assertThat(policy.decide(0.3, 0, -1)).isEqualTo(new Decision.Challenge(10));
    }

    @Test
    void aNearCertainBotIsRefusedWhateverItProves() {
        assertThat(policy.decide(0.95, 0, 22)).isEqualTo(new Decision.Refuse());
    }

    @Test
    void aValidProofHardEnoughPassesAndIsFlaggedFromTheFlagThreshold() {
        int needed = policy.difficulty(0.5, 0);
        assertThat(policy.decide(0.5, 0, needed)).isEqualTo(new Decision.Allow(false));
        assertThat(policy.decide(0.5, 0, needed - 2)).isEqualTo(new Decision.Allow(false));
        assertThat(policy.decide(0.5, 0, needed - 3)).isEqualTo(new Decision.Challenge(needed));
        assertThat(policy.decide(0.8, 0, 22)).isEqualTo(new Decision.Allow(true));
    }

    @Test
    void difficultyNeverFallsAsScoreOrPressureRisesAndStaysWithinItsBounds() {
        for (long seed = 0; seed < 2_000; seed++) {
            Random random = new Random(seed);
            double score = random.nextDouble();
            double pressure = random.nextDouble();
            int d = policy.difficulty(score, pressure);
            assertThat(d).as("seed %d", seed).isBetween(10, 22);
            assertThat(policy.difficulty(Math.min(1, score + random.nextDouble() / 4), pressure)).as("seed %d", seed)
                    .isGreaterThanOrEqualTo(d);
            assertThat(policy.difficulty(score, Math.min(1, pressure + random.nextDouble() / 4))).as("seed %d", seed)
                    .isGreaterThanOrEqualTo(d);
        }
        assertThat(policy.difficulty(0.3, 1)).isEqualTo(22);
        assertThat(policy.difficulty(0.95, 0)).isEqualTo(22);
    }

    @Test
    void thresholdsOutOfOrderAreRefusedAtStart() {
        assertThatThrownBy(() -> new DecisionPolicy(0.7, 0.3, 0.95, 10, 22, 2)).hasMessageContaining("thresholds");
        assertThatThrownBy(() -> new DecisionPolicy(0.3, 0.7, 0.95, 23, 22, 2)).hasMessageContaining("difficulty");
    }
}
