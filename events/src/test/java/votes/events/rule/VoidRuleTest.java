package votes.events.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.events.poll.Poll;
import votes.events.poll.PollOption;

class VoidRuleTest {

    private static final Instant T = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void aVoidOfAnUnknownPollNeverCounts() {
        assertThat(VoidRule.counts(null, T)).isFalse();
        assertThat(VoidRule.counts(false, null, T)).isFalse();
    }

    @Test
    void aVoidOfAPollWithoutEndCounts() {
        assertThat(VoidRule.counts(poll(null, null), T)).isTrue();
    }

    @Test
    void aVoidCountsOnlyStrictlyBeforeTheEarlierOfCloseAndDeadline() {
        assertThat(VoidRule.counts(poll(T.plusSeconds(60), null), T)).isTrue();
        assertThat(VoidRule.counts(poll(T, null), T)).isFalse();
        assertThat(VoidRule.counts(poll(null, T.plusNanos(1000)), T)).isTrue();
        assertThat(VoidRule.counts(poll(T.plusSeconds(60), T.minusSeconds(1)), T)).isFalse();
        assertThat(VoidRule.counts(poll(T.minusSeconds(1), T.plusSeconds(60)), T)).isFalse();
    }

    private static Poll poll(Instant closesAt, Instant closedAt) {
        return new Poll("p", "t", List.of(new PollOption("a", "A")), null, closesAt, closedAt, T.minusSeconds(3600));
    }
}
