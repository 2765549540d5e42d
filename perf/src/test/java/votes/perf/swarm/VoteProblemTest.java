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

    @Test
    void aChallengeThatWantsItsNonceEchoedNamesTheHeaderAndAnOlderOneNamesNone() {
        String echoed = "{\"type\":\"https://votes.dev/problems/challenge-required\",\"status\":403,\"challenge\":"
                + "{\"algorithm\":\"sha256\",\"difficulty\":14,\"nonce\":\"1764491234567.14.q2Vx\","
                + "\"header\":\"X-Vote-Proof\",\"format\":\"f\",\"nonceHeader\":\"X-Vote-Nonce\"}}";
        String older = "{\"type\":\"https://votes.dev/problems/challenge-required\",\"status\":403,\"challenge\":"
                + "{\"algorithm\":\"sha256\",\"difficulty\":16,\"nonce\":\"abc\",\"header\":\"X-Vote-Proof\"}}";
        assertThat(VoteProblem.nonceHeaderIn(echoed)).contains("X-Vote-Nonce");
        assertThat(VoteProblem.nonceHeaderIn(older)).isEmpty();
        assertThat(VoteProblem.nonceHeaderIn("{\"status\":429,\"key\":\"address\"}")).isEmpty();
    }
}
