package votes.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverloadGoalTest {

    private static PhaseResult result(double acceptedP99, int accepted, int shed, int failed) {
        StatusCounts c = new StatusCounts();
        for (int i = 0; i < accepted; i++) {
            c.record(202);
        }
        for (int i = 0; i < shed; i++) {
            c.recordShed();
        }
        for (int i = 0; i < failed; i++) {
            c.recordFailure();
        }
        LatencySummary all = new LatencySummary(accepted + shed + failed, 1, 2, 900, 950, 990);
        LatencySummary ok = new LatencySummary(accepted, 1, 2, acceptedP99, acceptedP99, acceptedP99);
        return new PhaseResult("x", 3000, 10, 3000, all, ok, c, all);
    }

    @Test
    void isMetWhenEveryRequestIsAnsweredAndThe202sAreFastWhateverTheShedRequestsTook() {
        assertThat(OverloadGoal.DEFAULT.met(result(150, 1000, 2000, 0))).isTrue();
    }

    @Test
    void isMissedBySlow202sAnUnansweredRequestOrNo202AtAll() {
        assertThat(OverloadGoal.DEFAULT.met(result(200, 1000, 2000, 0))).isFalse();
        assertThat(OverloadGoal.DEFAULT.met(result(150, 1000, 2000, 1))).isFalse();
        assertThat(OverloadGoal.DEFAULT.met(result(Double.NaN, 0, 3000, 0))).isFalse();
    }
}
