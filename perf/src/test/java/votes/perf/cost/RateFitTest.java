package votes.perf.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateFitTest {

    @Test
    void figuresOnTheCurveGiveBackItsPerVoteAndPerSecondParts() {
        double[] rates = {300, 500, 800};
        double[] micros = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            micros[i] = 350 + 160_000 / rates[i];
        }
        RateFit fit = RateFit.leastSquares(rates, micros);
        assertThat(fit.perVoteMicros()).isCloseTo(350, within(1e-6));
        assertThat(fit.perSecondMicros()).isCloseTo(160_000, within(1e-3));
        assertThat(fit.rSquared()).isCloseTo(1, within(1e-12));
        assertThat(fit.microsAt(250_000)).isCloseTo(350.64, within(1e-6));
    }

    @Test
    void scatteredFiguresGetTheLineOfLeastSquares() {
        // 1 / rate = 0.01, 0.02, 0.04: y = 10 + 1000 x + (2, -3, 1), a scatter at right angles to both the constant
        // and 1 / rate (it sums to 0, and so does its product with 1 / rate), so the fit is the line itself.
        RateFit fit = RateFit.leastSquares(new double[] {100, 50, 25}, new double[] {22, 27, 51});
        assertThat(fit.perSecondMicros()).isCloseTo(1000, within(1e-9));
        assertThat(fit.perVoteMicros()).isCloseTo(10, within(1e-9));
        // The scatter's squares (14) against the figures' own spread around their mean (1442 / 3).
        assertThat(fit.rSquared()).isCloseTo(1 - 14 / (1442.0 / 3), within(1e-9));
    }

    @Test
    void aCostThatDoesNotFallWithTheRateIsAllPerVote() {
        RateFit fit = RateFit.leastSquares(new double[] {400, 800}, new double[] {150, 150});
        assertThat(fit.perVoteMicros()).isCloseTo(150, within(1e-9));
        assertThat(fit.perSecondMicros()).isCloseTo(0, within(1e-9));
    }

    @Test
    void oneRateIsNothingToFit() {
        assertThatThrownBy(() -> RateFit.leastSquares(new double[] {400, 400}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateFit.leastSquares(new double[] {400}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
