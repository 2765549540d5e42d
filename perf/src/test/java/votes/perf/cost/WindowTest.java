package votes.perf.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowTest {

    private static final long SECOND = 1_000_000_000L;

    private final Window twoSeconds = new Window(
            new CpuSample(0, Map.of("kafka", 1_000_000L, "ingest", 5_000_000L)),
            new CpuSample(2 * SECOND, Map.of("kafka", 1_500_000L, "ingest", 6_000_000L)));

    @Test
    void usedCpuAndBurnRateComeFromTheTwoSamples() {
        assertThat(twoSeconds.seconds()).isEqualTo(2.0);
        assertThat(twoSeconds.micros("kafka")).isEqualTo(500_000);
        assertThat(twoSeconds.burn("ingest")).isEqualTo(500_000);
    }

    @Test
    void perEventSubtractsTheIdleBurnOverTheWholeWindow() {
        // kafka used 500 ms in 2 s; idle it burns 40 ms/s = 80 ms of the window; 1,000 votes -> 420 µs each
        assertThat(twoSeconds.perEvent("kafka", 40_000, 1_000)).isCloseTo(420.0, within(1e-9));
    }

    @Test
    void aComponentMissingFromASampleGivesNoFigure() {
        Window lost = new Window(new CpuSample(0, Map.of("ledger", 1L)), new CpuSample(SECOND, Map.of()));
        assertThat(lost.micros("ledger")).isNaN();
        assertThat(lost.perEvent("ledger", 0, 10)).isNaN();
    }

    @Test
    void noEventsGiveNoPerEventFigure() {
        assertThat(twoSeconds.perEvent("kafka", 0, 0)).isNaN();
    }

    @Test
    void runsPerEventSubtractTheIdleRunsLikeTheCpu() {
        Window runs = new Window(new CpuSample(0, Map.of("ingest", 0L), Map.of("ingest", 1_000L)),
                new CpuSample(2 * SECOND, Map.of("ingest", 0L), Map.of("ingest", 9_000L)));
        // 8,000 runs in 2 s; idle it runs 500 a second = 1,000 of them; 1,000 votes -> 7 runs each
        assertThat(runs.runs("ingest")).isEqualTo(8_000);
        assertThat(runs.runRate("ingest")).isEqualTo(4_000);
        assertThat(runs.runsPerEvent("ingest", 500, 1_000)).isCloseTo(7.0, within(1e-9));
        assertThat(IdleBurn.of(runs, List.of("ingest")).runsOf("ingest")).isEqualTo(4_000);
    }

    @Test
    void aSampleWithoutRunsGivesNoRunFigure() {
        assertThat(twoSeconds.runs("kafka")).isNaN();
        assertThat(twoSeconds.runsPerEvent("kafka", 0, 10)).isNaN();
    }

    @Test
    void idleBurnIsEachComponentsRateAndTheirSum() {
        IdleBurn idle = IdleBurn.of(twoSeconds, List.of("kafka", "ingest"));
        assertThat(idle.of("kafka")).isEqualTo(250_000);
        assertThat(idle.total()).isEqualTo(750_000);
        assertThat(idle.of("never-measured")).isZero();
    }
}
