package votes.perf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void reportsPercentilesInMillisecondsFromMicrosecondRecords() {
        Histogram h = LatencySummary.newHistogram();
        for (int i = 1; i <= 1000; i++) {
            LatencySummary.recordNanos(h, i * 1_000_000L); // 1 ms .. 1000 ms
        }
        LatencySummary s = LatencySummary.of(h);
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50()).isCloseTo(500, within(1.0));
        assertThat(s.p90()).isCloseTo(900, within(1.0));
        assertThat(s.p99()).isCloseTo(990, within(1.0));
        assertThat(s.p999()).isCloseTo(999, within(1.0));
        assertThat(s.max()).isCloseTo(1000, within(1.0));
    }

    @Test
    void clampsLatenciesBeyondTheTrackableRangeInsteadOfFailing() {
        Histogram h = LatencySummary.newHistogram();
        LatencySummary.recordNanos(h, 3_600_000_000_000L);
        assertThat(LatencySummary.of(h).max()).isGreaterThanOrEqualTo(60_000);
    }

    @Test
    void anEmptyHistogramHasNoPercentiles() {
        assertThat(LatencySummary.of(LatencySummary.newHistogram()).p99()).isNaN();
    }
}
