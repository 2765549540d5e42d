package votes.ingest.overload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static final long START = 5_000_000_000L;
    private final Deadline deadline = Deadline.after(START, Duration.ofSeconds(1));

    @Test
    void passesOnceTheBudgetIsSpent() {
        assertThat(deadline.passedAt(START)).isFalse();
        assertThat(deadline.passedAt(START + 999_999_999L)).isFalse();
        assertThat(deadline.passedAt(START + 1_000_000_000L)).isTrue();
    }

    @Test
    void aZeroBudgetHasPassedAtOnce() {
        assertThat(Deadline.after(START, Duration.ZERO).passedAt(START)).isTrue();
    }

    @Test
    void theWaitLeftIsCappedAndNeverZero() {
        Duration cap = Duration.ofMillis(3500);
        assertThat(deadline.remainingAt(START + 400_000_000L, cap)).isEqualTo(Duration.ofMillis(600));
        assertThat(deadline.remainingAt(START, Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(300));
        assertThat(deadline.remainingAt(START + 2_000_000_000L, cap)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void worksAcrossTheNanoClocksWrap() {
        Deadline nearWrap = Deadline.after(Long.MAX_VALUE - 10, Duration.ofNanos(100));
        assertThat(nearWrap.passedAt(Long.MAX_VALUE)).isFalse();
        assertThat(nearWrap.passedAt(Long.MIN_VALUE + 95)).isTrue();
    }
}
