package votes.perf.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTest {

    @Test
    void aSeriesGrowingTenUnitsAMinuteHasASlopeOf600PerHourAndAPerfectFit() {
        List<Trend.Point> points = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            points.add(new Trend.Point(1_000_000 + i * 15L, 500 + i * 2.5));
        }
        Trend t = Trend.fit(points);
        assertThat(t.points()).isEqualTo(21);
        assertThat(t.perHour()).isCloseTo(600, within(1e-6));
        assertThat(t.rSquare()).isCloseTo(1, within(1e-9));
        assertThat(t.first()).isCloseTo(500, within(1e-6));
        assertThat(t.last()).isCloseTo(550, within(1e-6));
    }

    @Test
    void aFlatNoisySeriesHasASlopeWithinItsErrorOfZero() {
        List<Trend.Point> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            points.add(new Trend.Point(i * 15L, 100 + (i % 2 == 0 ? 3 : -3)));
        }
        Trend t = Trend.fit(points);
        assertThat(Math.abs(t.perHour())).isLessThan(3 * t.stdErr());
    }

    @Test
    void oneSampleHasNoSlope() {
        assertThat(Trend.fit(List.of(new Trend.Point(5, 1))).perHour()).isNaN();
    }
}
