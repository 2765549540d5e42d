package votes.ledger.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartDelayTest {

    private final RestartDelay delay = new RestartDelay(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void doublesPerFailureInARowFromTheFirstPause() {
        assertThat(delay.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delay.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delay.after(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(delay.after(5)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void neverExceedsTheCapHoweverLongTheStreak() {
        assertThat(delay.after(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(delay.after(342)).isEqualTo(Duration.ofSeconds(30));
        assertThat(delay.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aCapBelowTheFirstPauseIsRefused() {
        assertThatThrownBy(() -> new RestartDelay(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
