package votes.perf.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangCTest {

    @Test
    void oneServerWaitsWithTheProbabilityOfItsUtilisation() {
        assertThat(ErlangC.waitProbability(1, 0.7)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void twoServersAtOneErlangWaitAThirdOfTheTime() {
        // Textbook value: C(2, 1) = (1/2 · 2/(2-1)) / (1 + 1 + 1/2 · 2/(2-1)) = 1/3.
        assertThat(ErlangC.waitProbability(2, 1.0)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void theWaitQuantileOfOneServerFollowsTheExponentialTail() {
        // M/M/1: P(W > t) = ρ e^{-(μ-λ)t}; at ρ = 0.5, μ = 1000/s the p99 is ln(50)/500 s.
        assertThat(ErlangC.waitQuantile(1, 500, 1000, 0.99)).isCloseTo(Math.log(50) / 500, within(1e-12));
    }

    @Test
    void aQuantileBelowTheShareThatWaitsIsZero() {
        assertThat(ErlangC.waitQuantile(16, 1000, 1000, 0.99)).isZero();
    }

    @Test
    void moreServersAtTheSameUtilisationWaitLess() {
        double four = ErlangC.waitQuantile(4, 4 * 0.9 * 1000, 1000, 0.99);
        double sixtyFour = ErlangC.waitQuantile(64, 64 * 0.9 * 1000, 1000, 0.99);
        assertThat(sixtyFour).isLessThan(four);
    }

    @Test
    void staysFiniteForThousandsOfServers() {
        assertThat(ErlangC.waitProbability(5000, 4900)).isBetween(0.0, 1.0);
    }

    @Test
    void refusesASaturatedQueue() {
        assertThatThrownBy(() -> ErlangC.waitProbability(2, 2.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
