package votes.perf.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

class StepSearchTest {

    private static List<Double> drive(StepSearch s, DoublePredicate passes) {
        List<Double> tried = new ArrayList<>();
        for (OptionalDouble r = s.next(); r.isPresent(); r = s.next()) {
            tried.add(r.getAsDouble());
            s.record(r.getAsDouble(), passes.test(r.getAsDouble()));
        }
        return tried;
    }

    @Test
    void rampsGeometricallyThenBisectsToTheCeiling() {
        StepSearch s = new StepSearch(1000, 2, 1_000_000, 0.05, 30);
        List<Double> tried = drive(s, r -> r <= 5000);
        assertThat(tried).startsWith(1000d, 2000d, 4000d, 8000d, 6000d);
        assertThat(s.best().getAsDouble()).isBetween(4800d, 5000d);
    }

    @Test
    void stopsAtTheMaximumWhenEverythingPasses() {
        StepSearch s = new StepSearch(1000, 3, 5000, 0.05, 30);
        assertThat(drive(s, r -> true)).containsExactly(1000d, 3000d, 5000d);
        assertThat(s.best()).hasValue(5000d);
    }

    @Test
    void reportsNothingWhenTheFirstStepFails() {
        StepSearch s = new StepSearch(1000, 2, 8000, 0.2, 30);
        drive(s, r -> false);
        assertThat(s.best()).isEmpty();
        assertThat(s.steps()).allMatch(st -> !st.passed());
    }

    @Test
    void neverRunsMoreThanTheStepBound() {
        StepSearch s = new StepSearch(1000, 1.1, 1e9, 0.0001, 4);
        assertThat(drive(s, r -> true)).hasSize(4);
    }

    @Test
    void aLowerFailureTightensTheUpperBound() {
        StepSearch s = new StepSearch(1000, 2, 100_000, 0.01, 30);
        s.record(1000, true);
        s.record(2000, false);
        s.record(1500, false);
        assertThat(s.next()).hasValue(1250d);
    }
}
