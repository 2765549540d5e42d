package votes.perf.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import votes.perf.report.PhaseResult;

class SelfWarmupTest {

    private static final double RATE = 50;
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    // The stand-in reads no token: any string does.
    private static final List<String> TOKENS = IntStream.range(0, 100).mapToObj(i -> "token-" + i).toList();

    @Test
    void withoutADifficultyEveryWarmUpVoteIsAcceptedAtOnce() {
        PhaseResult result = SelfWarmup.run(TOKENS, "a", RATE, ONE_SECOND, 1, 4, List.of(), 0);

        assertThat(result.counts().accepted()).isEqualTo((long) RATE);
        assertThat(result.counts().errors()).isZero();
        assertThat(result.challenges().challenges()).isZero();
    }

    @Test
    void withADifficultyEveryWarmUpVoteIsChallengedSolvedAndThenAccepted() {
        PhaseResult result = SelfWarmup.run(TOKENS, "a", RATE, ONE_SECOND, 1, 4, List.of(), 6);

        assertThat(result.counts().accepted()).isEqualTo((long) RATE);
        assertThat(result.counts().errors()).isZero();
        assertThat(result.challenges().challenges()).isEqualTo((long) RATE);
        assertThat(result.challenges().solved()).isEqualTo((long) RATE);
        assertThat(result.challenges().gaveUp()).isZero();
    }
}
