package votes.perf.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AddedLatencyTest {

    private static List<Double> uniform(int n, double from, double to, long seed) {
        Random random = new Random(seed);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(from + random.nextDouble() * (to - from));
        }
        return out;
    }

    private static List<Double> plus(List<Double> values, double millis) {
        return values.stream().map(v -> v + millis).toList();
    }

    @Test
    void theP99Of800IsThe792ndSoTheEightWorstAreAboveIt() {
        double[] values = new double[800];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        assertThat(AddedLatency.percentile(values, 0.99)).isEqualTo(792);
        assertThat(AddedLatency.percentile(values, 0.50)).isEqualTo(400);
        assertThat(AddedLatency.percentile(new double[] {7}, 0.99)).isEqualTo(7);
        assertThat(AddedLatency.percentile(new double[0], 0.99)).isNaN();
    }

    @Test
    void theSamePeopleTwiceAddNothingAndTheIntervalHoldsZero() {
        List<Double> people = uniform(800, 10, 200, 1);
        AddedLatency l = AddedLatency.of(people, people);
        assertThat(l.p99Added()).isZero();
        assertThat(l.p50Added()).isZero();
        assertThat(l.p99AddedLow()).isNegative();
        assertThat(l.p99AddedHigh()).isPositive();
        assertThat(l.intervalExcludes(0)).isFalse();
    }

    @Test
    void aSteadyShiftIsTheAddedLatencyAndItsIntervalLeavesOutTheTarget() {
        List<Double> baseline = uniform(800, 10, 20, 2);
        AddedLatency l = AddedLatency.of(plus(baseline, 100), baseline);
        assertThat(l.p99Added()).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(l.p99AddedLow()).isBetween(90.0, 100.0);
        assertThat(l.p99AddedHigh()).isBetween(100.0, 110.0);
        assertThat(l.intervalExcludes(HumanFigures.ADDED_P99_TARGET_MS)).isTrue();
    }

    @Test
    void aP99MadeOfAFewSlowVotesHasAWideInterval() {
        List<Double> baseline = new ArrayList<>(Collections.nCopies(792, 20.0));
        baseline.addAll(Collections.nCopies(8, 300.0));
        List<Double> oneMore = new ArrayList<>(Collections.nCopies(791, 20.0));
        oneMore.addAll(Collections.nCopies(9, 300.0));

        AddedLatency l = AddedLatency.of(oneMore, baseline);

        assertThat(l.p99Added()).isEqualTo(280);
        assertThat(l.p99AddedLow()).isLessThanOrEqualTo(0);
        assertThat(l.p99AddedHigh()).isEqualTo(280);
        assertThat(l.intervalExcludes(HumanFigures.ADDED_P99_TARGET_MS)).isFalse();
    }

    @Test
    void theSameSamplesAlwaysGiveTheSameInterval() {
        List<Double> a = uniform(500, 5, 300, 3);
        List<Double> b = uniform(400, 5, 250, 4);
        assertThat(AddedLatency.of(a, b)).isEqualTo(AddedLatency.of(a, b));
        assertThat(AddedLatency.of(a, b).p99AddedLow()).isLessThanOrEqualTo(AddedLatency.of(a, b).p99AddedHigh());
    }

    @Test
    void withoutABaselineNothingIsAddedAndNoIntervalExcludesAnything() {
        AddedLatency l = AddedLatency.of(List.of(10.0, 20.0), List.of());
        assertThat(l.p99()).isEqualTo(20);
        assertThat(l.p99Added()).isNaN();
        assertThat(l.p99AddedLow()).isNaN();
        assertThat(l.intervalExcludes(HumanFigures.ADDED_P99_TARGET_MS)).isFalse();
        assertThat(l.count()).isEqualTo(2);
        assertThat(l.baselineCount()).isZero();
    }
}
