package votes.perf.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerBatchPhasesTest {

    // The shape Quarkus' Prometheus registry writes: a batch-size summary without tags, a timer per phase tag.
    private static final String SCRAPE = """
            # HELP ledger_batch_size Records per consumed votes.submitted batch
            ledger_batch_size_count 4.0
            ledger_batch_size_sum 2000.0
            ledger_batch_size_max 500.0
            ledger_batch_phase_seconds_count{phase="read"} 4.0
            ledger_batch_phase_seconds_sum{phase="read"} 0.04
            ledger_batch_phase_seconds_max{phase="read"} 0.02
            ledger_batch_phase_seconds_count{phase="write"} 4.0
            ledger_batch_phase_seconds_sum{phase="write"} 0.08
            votes_recorded_total 2000.0
            """;

    @Test
    void printsEachPhasesMeanMillisecondsPerBatchAndTheirSum() {
        assertThat(LedgerBatchPhases.line(SCRAPE)).isEqualTo(
                "BREAKDOWN label=ledger-batch batches=4 records_per_batch=500 read_ms=10.00 write_ms=20.00 total_ms=30.00");
    }

    @Test
    void thePreparePhaseIsPrintedButNotAddedToTheTotalSinceItOverlapsThePreviousBatch() {
        String scrape = SCRAPE + """
                ledger_batch_phase_seconds_count{phase="prepare"} 4.0
                ledger_batch_phase_seconds_sum{phase="prepare"} 0.02
                """;
        assertThat(LedgerBatchPhases.line(scrape)).isEqualTo("BREAKDOWN label=ledger-batch batches=4 "
                + "records_per_batch=500 read_ms=10.00 write_ms=20.00 prepare_ms=5.00 total_ms=30.00");
    }

    @Test
    void aLedgerThatWroteNoBatchPrintsZerosInsteadOfDividingByZero() {
        assertThat(LedgerBatchPhases.line("ledger_batch_size_count 0.0\n"))
                .isEqualTo("BREAKDOWN label=ledger-batch batches=0 records_per_batch=0 total_ms=0.00");
    }
}
