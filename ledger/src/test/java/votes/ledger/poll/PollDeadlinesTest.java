package votes.ledger.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollDeadlinesTest {

    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    @Test
    void theNextLookIsWhenTheNextDeadlineFallsDue() {
        assertThat(PollDeadlines.nextLookMillis(2_500L, MAX_WAIT)).isEqualTo(2_500L);
    }

    @Test
    void somethingDueAlreadyIsLookedAtOnce() {
        assertThat(PollDeadlines.nextLookMillis(0L, MAX_WAIT)).isZero();
        assertThat(PollDeadlines.nextLookMillis(-40L, MAX_WAIT)).isZero();
    }

    @Test
    void aFarDeadlineOrNoneWaitsAtMostTheMaxWait() {
        assertThat(PollDeadlines.nextLookMillis(3_600_000L, MAX_WAIT)).isEqualTo(30_000L);
        assertThat(PollDeadlines.nextLookMillis(null, MAX_WAIT)).isEqualTo(30_000L);
    }
}
