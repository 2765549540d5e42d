package votes.perf.pervote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import votes.perf.cost.IdleBurn;
import votes.perf.cost.PhaseCost;
import votes.perf.floor.FloorCost;

class CostReportTest {

    private final IdleBurn idle = new IdleBurn(Map.of("ingest", 16_000d, "kafka", 39_000d));
    private final PhaseCost phase = new PhaseCost("1500/s", 1500, 30_000, 30_000, 25, true,
            Map.of("ingest", 365d, "kafka", 145d));
    private final List<FloorCost> floor = List.of(
            new FloorCost("bare", "", 1000, Double.NaN, 29_000),      // 29 µs, server only
            new FloorCost("rs256", "", 1000, 40_000, Double.NaN),     // 40 µs, client only
            new FloorCost("kafka", "", 1000, 6_000, 5_000));          // 6 + 5 µs

    @Test
    void theFloorAddsEveryPartOnceAndIsComparedWithTheStacksTotal() {
        CostReport report = new CostReport(List.of("ingest", "kafka"), idle, List.of(phase), floor);
        assertThat(report.floorTotal()).isCloseTo(80, within(1e-9));
        assertThat(report.ratio(phase)).isCloseTo(80.0 / 510, within(1e-9));
    }

    @Test
    void withoutAFloorThereIsNoRatio() {
        CostReport report = new CostReport(List.of("ingest", "kafka"), idle, List.of(phase), List.of());
        assertThat(report.ratio(phase)).isNaN();
        assertThat(report.render()).doesNotContain("FLOOR");
    }

    @Test
    void theReportHasARowPerComponentTheTotalAndMachineReadableLines() {
        String out = new CostReport(List.of("ingest", "kafka"), idle, List.of(phase), floor).render();
        assertThat(out).contains("| ingest ", "| kafka ", "**total**", "510", "55.0", "floor ÷ total", "15.7 %", "202 share of answered")
                .contains("COST label=1500/s offered=1500 accepted=30000 answered=30000 window_s=25.0 settled=true "
                        + "total_us=510.0 ingest=365.0 kafka=145.0")
                .contains("FLOOR_RATIO label=1500/s floor_us=80.0 total_us=510.0 ratio=0.157");
    }

    @Test
    void ingestIsComparedWithTheBareEndpointMeasuredAtTheSameOfferedRateOnly() {
        PhaseCost slow = new PhaseCost("200/s", 200, 5_000, 5_000, 30, true, Map.of("ingest", 1_600d, "kafka", 1_100d));
        PhaseCost bareAtSlow = new PhaseCost("200/s", 200, 5_000, 5_000, 20, true, Map.of("bare", 400d));
        PhaseCost bareElsewhere = new PhaseCost("700/s", 700, 14_000, 14_000, 20, true, Map.of("bare", 150d));
        CostReport report = new CostReport(List.of("ingest", "kafka"), idle, List.of(slow, phase), floor,
                List.of(bareAtSlow, bareElsewhere));

        assertThat(report.ingestVsBare()).singleElement().satisfies(r -> {
            assertThat(r.phase()).isSameAs(slow);
            assertThat(r.ratio()).isCloseTo(4.0, within(1e-9));
        });
        assertThat(report.render()).contains("Ingest against the bare endpoint at the same offered rate", "4.0×")
                .contains("INGEST_VS_BARE label=200/s offered=200 ingest_us=1600.0 bare_us=400.0 ratio=4.00")
                .doesNotContain("INGEST_VS_BARE label=1500/s");
    }

    @Test
    void phasesAtSeveralRatesGetEachComponentsPerVoteAndPerSecondParts() {
        // ingest = 400 + 100,000 / rate, kafka = 20 + 150,000 / rate; the 800/s phase shed a quarter: it served 600/s.
        PhaseCost at200 = new PhaseCost("200/s", 200, 6_000, 6_000, 30, true, Map.of("ingest", 900d, "kafka", 770d));
        PhaseCost at400 = new PhaseCost("400/s", 400, 12_000, 12_000, 30, true, Map.of("ingest", 650d, "kafka", 395d));
        PhaseCost shed = new PhaseCost("800/s", 800, 18_000, 24_000, 30, true,
                Map.of("ingest", 400 + 100_000 / 600d, "kafka", 20 + 150_000 / 600d));
        CostReport report = new CostReport(List.of("ingest", "kafka"), idle, List.of(at200, at400, shed), floor);

        assertThat(report.fits().get("ingest").perVoteMicros()).isCloseTo(400, within(1e-6));
        assertThat(report.fits().get("ingest").perSecondMicros()).isCloseTo(100_000, within(1e-3));
        assertThat(report.fits().get("kafka").perVoteMicros()).isCloseTo(20, within(1e-6));
        assertThat(report.fits().get(CostReport.TOTAL).perVoteMicros()).isCloseTo(420, within(1e-6));
        assertThat(report.render()).contains("fitted as per vote + per second / rate")
                .contains("FIT component=ingest per_vote_us=400.0 per_second_ms=100.0 r2=1.00")
                .contains("FIT component=total per_vote_us=420.0 per_second_ms=250.0 r2=1.00");
    }

    @Test
    void onePhaseRateIsNothingToFit() {
        CostReport report = new CostReport(List.of("ingest", "kafka"), idle, List.of(phase), floor);
        assertThat(report.fits()).isEmpty();
        assertThat(report.render()).doesNotContain("FIT ");
    }

    @Test
    void threadRunsPerVoteGetATableOfTheirOwnWithTheCpuPerRun() {
        IdleBurn idleRuns = new IdleBurn(Map.of("ingest", 16_000d, "kafka", 39_000d),
                Map.of("ingest", 25d, "kafka", 255d));
        PhaseCost counted = new PhaseCost("200/s", 200, 6_000, 6_000, 30, true, Map.of("ingest", 900d, "kafka", 600d),
                Map.of("ingest", 6d, "kafka", 4d));
        PhaseCost bare = new PhaseCost("200/s", 200, 4_000, 4_000, 20, true, Map.of("bare", 150d),
                Map.of("bare", 1.5));
        String out = new CostReport(List.of("ingest", "kafka"), idleRuns, List.of(counted), floor, List.of(bare))
                .render();
        assertThat(out).contains("Thread runs per accepted vote", "runs/vote 200/s", "µs/run 200/s", "| 280 ")
                .contains("RUNS label=200/s total_runs=10.00 ingest=6.00 kafka=4.00")
                .contains("IDLE_RUNS total_runs_per_s=280.0")
                .contains("INGEST_VS_BARE label=200/s offered=200 ingest_us=900.0 bare_us=150.0 ratio=6.00"
                        + " ingest_runs=6.00 bare_runs=1.50");
        // ingest 900 µs over 6 runs, the stack 1,500 over 10
        assertThat(out).contains("| 150 ", "| 6.00 ", "| 4.00 ");
    }

    @Test
    void withoutRunsThereIsNoRunsTable() {
        String out = new CostReport(List.of("ingest", "kafka"), idle, List.of(phase), floor).render();
        assertThat(out).doesNotContain("Thread runs per accepted vote", "RUNS label", "IDLE_RUNS");
    }

    @Test
    void withoutABareEndpointAtAVoteRateThereIsNoSameRateTable() {
        String out = new CostReport(List.of("ingest", "kafka"), idle, List.of(phase), floor).render();
        assertThat(out).doesNotContain("INGEST_VS_BARE", "same offered rate");
    }
}
