package votes.perf.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettleRuleTest {

    private static final long SECOND = 1_000_000_000L;
    private final IdleBurn idle = new IdleBurn(Map.of("kafka", 40_000d, "ledger", 10_000d));
    private final SettleRule rule = new SettleRule(2, 20_000);

    private static Window oneSecond(long kafkaMicros, long ledgerMicros) {
        return new Window(new CpuSample(0, Map.of("kafka", 0L, "ledger", 0L)),
                new CpuSample(SECOND, Map.of("kafka", kafkaMicros, "ledger", ledgerMicros)));
    }

    @Test
    void settledWhileTheStackBurnsNoMoreThanTheFactorTimesIdlePlusSlack() {
        // bound: 2 x 50 ms/s + 20 ms/s = 120 ms/s
        assertThat(rule.settled(oneSecond(60_000, 60_000), List.of("kafka", "ledger"), idle)).isTrue();
    }

    @Test
    void notSettledWhileALaggingComponentStillWorks() {
        assertThat(rule.settled(oneSecond(40_000, 300_000), List.of("kafka", "ledger"), idle)).isFalse();
    }

    @Test
    void aLostComponentDoesNotBlockSettling() {
        Window lost = new Window(new CpuSample(0, Map.of("kafka", 0L, "ledger", 0L)),
                new CpuSample(SECOND, Map.of("kafka", 10_000L)));
        assertThat(rule.settled(lost, List.of("kafka", "ledger"), idle)).isTrue();
    }
}
