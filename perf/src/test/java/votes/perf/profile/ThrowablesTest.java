package votes.perf.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throwables a recording saw, from a running count read once per period, in any order. */
class ThrowablesTest {

    @Test
    void theRateIsTheCountsGrowthOverTheTimeBetweenTheFirstAndLastReading() {
        Throwables throwables = new Throwables();
        Instant start = Instant.parse("2026-12-03T04:00:00Z");
        throwables.add(start.plusSeconds(10), 2051);
        throwables.add(start, 51);
        throwables.add(start.plusSeconds(5), 1000);

        assertThat(throwables.perSecond()).isEqualTo(200.0);
        assertThat(throwables).hasToString("throwables 200.0/s (2000 over 10 s)");
    }

    @Test
    void oneReadingOrNoneGivesNoRate() {
        Throwables throwables = new Throwables();
        assertThat(throwables.perSecond()).isNaN();
        assertThat(throwables.toString()).contains("off");

        throwables.add(Instant.EPOCH, 7);
        assertThat(throwables.perSecond()).isNaN();
    }
}
