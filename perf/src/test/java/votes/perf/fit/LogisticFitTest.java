package votes.perf.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticFitTest {

    /** Samples drawn from a known model: the fit finds its weights again (within sampling noise). */
    @Test
    void recoversTheWeightsOfTheModelThatDrewTheSamples() {
        Random random = new Random(7);
        LogisticFit.Model truth = new LogisticFit.Model(-2.0, new double[] {3.0, 1.5});
        int n = 20_000;
        double[][] x = new double[n][];
        double[] y = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble()};
            y[i] = random.nextDouble() < truth.score(x[i]) ? 1 : 0;
            weight[i] = 1;
        }

        LogisticFit.Model fitted = new LogisticFit(1e-6).fit(x, y, weight);

        assertThat(fitted.bias()).isCloseTo(-2.0, within(0.15));
        assertThat(fitted.weights()[0]).isCloseTo(3.0, within(0.2));
        assertThat(fitted.weights()[1]).isCloseTo(1.5, within(0.2));
    }

    /** A feature that points to people is held at 0, not learnt as a reason to trust (a bot would learn to show it). */
    @Test
    void aFeatureThatSpeaksForPeopleGetsWeightZeroNotANegativeOne() {
        double[][] x = {{1, 1}, {1, 0}, {0, 1}, {0, 0}, {1, 1}, {0, 1}};
        double[] y = {1, 1, 0, 0, 1, 0};
        double[] weight = {1, 1, 1, 1, 1, 1};
        // Second feature: present in 2 of 3 people's and 2 of 3 bots' samples, so it leans nowhere; make it lean human.
        x[1] = new double[] {1, 0};
        x[3] = new double[] {0, 1};

        LogisticFit.Model fitted = new LogisticFit(0.1).fit(x, y, weight);

        assertThat(fitted.weights()[0]).isPositive();
        assertThat(fitted.weights()[1]).isZero();
    }

    /** A feature that separates the classes outright still gets a finite weight: the penalty bounds it. */
    @Test
    void aSeparatingFeatureGetsAFiniteWeight() {
        double[][] x = {{1}, {1}, {0}, {0}};
        double[] y = {1, 1, 0, 0};
        double[] weight = {1, 1, 1, 1};

        LogisticFit.Model fitted = new LogisticFit(1.0).fit(x, y, weight);

        assertThat(fitted.weights()[0]).isPositive().isLessThan(20);
        assertThat(fitted.score(new double[] {1})).isGreaterThan(0.5);
        assertThat(fitted.score(new double[] {0})).isLessThan(0.5);
    }

    /** With the bias held at the prior, only the weights move, and they still order the classes. */
    @Test
    void aFixedBiasIsKeptAndTheWeightsAreFittedAroundIt() {
        double[][] x = {{1}, {1}, {0.5}, {0}, {0}, {0.5}};
        double[] y = {1, 1, 1, 0, 0, 0};
        double[] weight = {1, 1, 1, 1, 1, 1};

        LogisticFit.Model fitted = new LogisticFit(0.1, -4.0).fit(x, y, weight);

        assertThat(fitted.bias()).isEqualTo(-4.0);
        assertThat(fitted.weights()[0]).isGreaterThan(4);
    }
}
