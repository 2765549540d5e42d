package votes.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChallengeCountsTest {

    @Test
    void countsChallengesSolvesAndGiveUpsAndMergesPerLoopCounts() {
        ChallengeCounts a = new ChallengeCounts();
        a.recordChallenge();
        a.recordSolved(4_000_000);
        ChallengeCounts b = new ChallengeCounts();
        b.recordChallenge();
        b.recordSolved(12_000_000);
        b.recordChallenge();
        b.recordGaveUp();
        a.add(b);
        assertThat(a.challenges()).isEqualTo(3);
        assertThat(a.solved()).isEqualTo(2);
        assertThat(a.gaveUp()).isEqualTo(1);
        assertThat(a.solveTime().max()).isBetween(11.9, 12.1);
        assertThat(a.toString()).startsWith("challenges=3 solved=2 gave_up=1 solve_p50ms=4.00 ").contains("solve_maxms=12.0");
    }

    @Test
    void aPhaseWithoutChallengesHasNone() {
        LatencySummary none = LatencySummary.of(LatencySummary.newHistogram());
        PhaseResult result = new PhaseResult("x", 10, 1, 10, none, none, new StatusCounts(), none);
        assertThat(result.challenges().challenges()).isZero();
        assertThat(result.challenges().solved()).isZero();
    }
}
