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
    private final LoopLag lag = new LoopLag(10 * MS, 1_000 * MS, exported::add);

    @Test
    void aLoopNeverProbedIsNotBehindAndTheFirstVoteSendsAProbe() {
        assertThat(lag.observe(START, loop)).isZero();
        assertThat(queued).hasSize(1);
    }

    @Test
    void twoLateProbesInARowMakeTheLagTheSmallerOfThemAndEachIsExported() {
        probe(START, 80);
        probe(START + 100 * MS, 120);

        assertThat(lag.observe(START + 230 * MS, loop)).isEqualTo(80 * MS);
        assertThat(exported).containsExactly(80 * MS, 120 * MS);
    }

    @Test
    void oneLateProbeIsABurstAlreadyWorkedOffNotALoopThatStaysBehind() {
        probe(START, 2);
        probe(START + 100 * MS, 400);

        assertThat(lag.observe(START + 501 * MS, loop)).isEqualTo(2 * MS);
        lag.ran(START + 504 * MS);
        assertThat(lag.observe(START + 530 * MS, loop)).as("the burst's probe and the next, 3 ms").isEqualTo(3 * MS);
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

    @Test
    void measurementsFromBeforeAQuietSpellAreForgotten() {
        probe(START, 200);
        probe(START + 300 * MS, 200);

        assertThat(lag.observe(START + 1_199 * MS, loop)).as("the older probe ran 999 ms ago").isEqualTo(200 * MS);
        assertThat(lag.observe(START + 1_200 * MS, loop)).as("the older probe ran a second ago").isZero();
    }

    /** A probe sent at {@code sentAt} that waited {@code waitedMillis} for the loop. */
    private void probe(long sentAt, long waitedMillis) {
        lag.observe(sentAt, loop);
        lag.ran(sentAt + waitedMillis * MS);
    }
}
