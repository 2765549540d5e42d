package votes.infra.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    @Test
    void waitsDoubleFromTheMinimumUpToTheMaximum() {
        assertThat(backoff.delayMillis(1, 0)).isEqualTo(250);
        assertThat(backoff.delayMillis(2, 0)).isEqualTo(500);
        assertThat(backoff.delayMillis(3, 0)).isEqualTo(1000);
        assertThat(backoff.delayMillis(6, 0)).isEqualTo(5000);
        assertThat(backoff.delayMillis(1000, 0)).isEqualTo(5000);
    }

    @Test
    void jitterShortensAWaitByAtMostHalf() {
        assertThat(backoff.delayMillis(3, 0.999)).isBetween(500L, 1000L);
        assertThat(backoff.delayMillis(3, 0.5)).isEqualTo(750);
    }

    @Test
    void aZeroMinimumOrAMaximumBelowItIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
