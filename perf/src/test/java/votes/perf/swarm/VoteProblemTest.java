package votes.perf.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoteProblemTest {

    @Test
    void a429NamesTheKindOfKeyThatRefusedAndAnythingElseNamesNone() {
        assertThat(VoteProblem.keyIn("{\"type\":\"https://votes.dev/problems/rate-limited\",\"status\":429,"
                + "\"detail\":\"too many votes from this prefix\",\"key\":\"prefix\"}")).contains("prefix");
        assertThat(VoteProblem.keyIn("{\"type\":\"https://votes.dev/problems/overloaded\",\"status\":503}")).isEmpty();
        assertThat(VoteProblem.keyIn("<html>429</html>")).isEmpty();
    }
}
