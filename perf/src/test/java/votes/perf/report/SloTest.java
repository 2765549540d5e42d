package votes.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SloTest {

    private static PhaseResult result(double p99, int errorsPer10k, long unfinished) {
        StatusCounts c = new StatusCounts();
        for (int i = 0; i < 10_000 - errorsPer10k; i++) {
            c.record(202);
        }
        for (int i = 0; i < errorsPer10k; i++) {
            c.record(503);
        }
        c.recordUnfinished(unfinished);
        LatencySummary l = new LatencySummary(10_000, 1, 2, p99, p99, p99);
        return new PhaseResult("x", 1000, 10, 1000, l, l, c, l);
    }

    @Test
    void passesBelowTheP99BoundWithFewErrors() {
        assertThat(Slo.DEFAULT.passes(result(99.9, 9, 0))).isTrue();
    }

    @Test
    void failsOnSlowP99TooManyErrorsOrUnansweredRequests() {
        assertThat(Slo.DEFAULT.passes(result(100, 0, 0))).isFalse();
        assertThat(Slo.DEFAULT.passes(result(5, 10, 0))).isFalse();
        assertThat(Slo.DEFAULT.passes(result(5, 0, 1))).isFalse();
    }

    @Test
    void mediansOfOddAndEvenRuns() {
        assertThat(Medians.of(java.util.List.of(3d, 1d, 2d))).isEqualTo(2);
        assertThat(Medians.of(java.util.List.of(4d, 1d, 2d, 3d))).isEqualTo(2.5);
    }

    @Test
    void tableRendersOneRowPerPhase() {
        String out = Table.forPhases().phase(result(12.5, 0, 0)).render();
        assertThat(out.lines()).hasSize(3);
        assertThat(out).contains("| x ").contains("12.5");
    }
}
