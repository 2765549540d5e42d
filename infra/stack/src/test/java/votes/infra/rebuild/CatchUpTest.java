package votes.infra.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatchUpTest {

    static final CatchUp.Target VOTES = new CatchUp.Target("g", "votes.submitted", Map.of(0, 100L, 1, 50L, 2, 0L));
    static final CatchUp.Target POLLS = new CatchUp.Target("gp", "poll-events", Map.of(0, 3L));

    @Test
    void recordsDoneCountOnlyWhatIsBelowTheEnds() {
        assertThat(VOTES.total()).isEqualTo(150);
        assertThat(VOTES.done(Map.of(0, 40L, 1, 70L))).isEqualTo(90);
        assertThat(VOTES.done(Map.of())).isZero();
    }

    @Test
    void aProgressLineShowsEachTopicAndTheVoteRate() {
        assertThat(CatchUp.line(List.of(VOTES, POLLS), List.of(90L, 3L), 2468.6)).isEqualTo(
                "votes.submitted 90 / 150 (60.0 %), 2,469 records/s; poll-events 3 / 3 (100.0 %)");
        assertThat(CatchUp.line(List.of(new CatchUp.Target("g", "t", Map.of())), List.of(0L), 0))
                .isEqualTo("t 0 / 0 (100.0 %), 0 records/s");
    }

    @Test
    void theRateIsPerSecond() {
        assertThat(CatchUp.rate(5_000, 2_000_000_000L)).isEqualTo(2_500.0);
        assertThat(CatchUp.rate(5, 0)).isZero();
    }
}
