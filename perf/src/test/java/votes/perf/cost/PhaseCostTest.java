package votes.perf.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseCostTest {

    @Test
    void eachComponentIsChargedItsCpuBeyondIdlePerAcceptedVoteAndTheTotalIsTheirSum() {
        Window tenSeconds = new Window(new CpuSample(0, Map.of("ingest", 0L, "kafka", 0L)),
                new CpuSample(10_000_000_000L, Map.of("ingest", 3_160_000L, "kafka", 1_850_000L)));
        IdleBurn idle = new IdleBurn(Map.of("ingest", 16_000d, "kafka", 40_000d));
        PhaseCost cost = PhaseCost.of("1500/s", 1500, 10_000, 10_100, tenSeconds, true, List.of("ingest", "kafka"), idle);
        // ingest: (3.16 s - 0.16 s) / 10,000 = 300 µs; kafka: (1.85 s - 0.40 s) / 10,000 = 145 µs
        assertThat(cost.microsPerVote().get("ingest")).isCloseTo(300, within(1e-9));
        assertThat(cost.microsPerVote().get("kafka")).isCloseTo(145, within(1e-9));
        assertThat(cost.total()).isCloseTo(445, within(1e-9));
        assertThat(cost.seconds()).isEqualTo(10.0);
    }
}
