package votes.projections.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollPacingTest {

    private static final Duration LONG_POLL = Duration.ofSeconds(1);
    private final PollPacing pacing = PollPacing.forCommitInterval(50);

    @Test
    void aRunningThreadWhoseLastPollBroughtNothingWaitsTheWholePoll() {
        assertThat(pacing.next(LONG_POLL, true, false)).isEqualTo(LONG_POLL);
    }

    @Test
    void afterRecordsThePollEndsJustPastTheCommitIntervalSoTheirCommitIsDue() {
        assertThat(pacing.next(LONG_POLL, true, true)).isEqualTo(Duration.ofMillis(51));
    }

    @Test
    void beforeRunningEveryPollIsShortSoARestoredTaskStartsAtOnce() {
        assertThat(pacing.next(LONG_POLL, false, false)).isEqualTo(Duration.ofMillis(51));
        assertThat(pacing.next(LONG_POLL, false, true)).isEqualTo(Duration.ofMillis(51));
    }

    @Test
    void aPollShorterThanTheCommitWaitIsNeverLengthened() {
        Duration shortPoll = Duration.ofMillis(20);
        assertThat(pacing.next(shortPoll, true, true)).isEqualTo(shortPoll);
        assertThat(pacing.next(Duration.ZERO, false, false)).isEqualTo(Duration.ZERO);
    }
}
