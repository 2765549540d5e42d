package votes.perf.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SteadyRuleTest {

    private static final long SECOND = 1_000_000_000L;
    private final SteadyRule rule = new SteadyRule(0.9, 150_000);
    private final List<String> stack = List.of("ledger", "kafka");

    /** A one-second window in which the ledger and kafka used these µs. */
    private static Window burning(long ledger, long kafka) {
        return new Window(new CpuSample(0, Map.of("ledger", 0L, "kafka", 0L)),
                new CpuSample(SECOND, Map.of("ledger", ledger, "kafka", kafka)));
    }

    @Test
    void stillFallingIsNotSteady() {
        assertThat(rule.steady(burning(500_000, 100_000), burning(300_000, 100_000), stack)).isFalse();
    }

    @Test
    void stoppedFallingIsSteadyEvenAboveTheQuietBound() {
        assertThat(rule.steady(burning(200_000, 100_000), burning(190_000, 100_000), stack)).isTrue();
    }

    @Test
    void belowTheQuietBoundIsSteadyWhileStillFalling() {
        assertThat(rule.steady(burning(400_000, 100_000), burning(90_000, 40_000), stack)).isTrue();
    }
}
