package votes.ingest.overload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class LoopLagTest {

    private static final long MS = 1_000_000L;
    private static final long START = 7_000 * MS;

    private final List<Runnable> queued = new ArrayList<>();
    private final Executor loop = queued::add;
    private final List<Long> exported = new ArrayList<>();
    private final LoopLag lag = new LoopLag(10 * MS, exported::add);

    @Test
    void theFirstVoteSendsAProbeAndNothingIsMeasuredUntilItRuns() {
        lag.observe(START, loop);

        assertThat(queued).hasSize(1);
        assertThat(exported).isEmpty();
    }

    @Test
    void eachProbeExportsHowLongItWaitedForTheLoop() {
        lag.observe(START, loop);
        lag.ran(START + 80 * MS);
        lag.observe(START + 100 * MS, loop);
        lag.ran(START + 220 * MS);

        assertThat(exported).containsExactly(80 * MS, 120 * MS);
    }

    @Test
    void whileAProbeIsOutstandingNoSecondOneIsSent() {
        lag.observe(START, loop);
        lag.observe(START + 300 * MS, loop);

        assertThat(queued).hasSize(1);
    }

    @Test
    void probesAreSentAtMostOncePerIntervalSoABusyLoopIsNotFloodedWithThem() {
        lag.observe(START, loop);
        lag.ran(START + MS);
        lag.observe(START + 5 * MS, loop);
        lag.observe(START + 9 * MS, loop);
        assertThat(queued).hasSize(1);

        lag.observe(START + 10 * MS, loop);
        assertThat(queued).hasSize(2);
    }
}
