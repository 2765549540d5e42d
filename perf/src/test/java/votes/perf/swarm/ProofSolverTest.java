package votes.perf.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProofSolverTest {

    @Test
    void aProofHasTheAskedLeadingZeroBitsOfSha256OfNonceColonProof() throws Exception {
        String proof = ProofSolver.solve("n0nce", 12);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(("n0nce:" + proof).getBytes(StandardCharsets.UTF_8));
        assertThat(ProofSolver.leadingZeroBits(digest)).isGreaterThanOrEqualTo(12);
        assertThat(ProofSolver.solve("n0nce", 0)).isEqualTo("0");
    }

    @Test
    void leadingZeroBitsCountsAcrossBytes() {
        assertThat(ProofSolver.leadingZeroBits(new byte[] {0, 0x10, 0})).isEqualTo(11);
        assertThat(ProofSolver.leadingZeroBits(new byte[] {(byte) 0x80})).isZero();
        assertThat(ProofSolver.leadingZeroBits(new byte[] {0, 0})).isEqualTo(16);
    }

    @Test
    void aChallengeRequiredProblemYieldsItsPuzzleAndA429ItsKey() {
        String challenge = "{\"type\":\"https://votes.dev/problems/challenge-required\",\"title\":\"t\",\"status\":403,"
                + "\"challenge\":{\"algorithm\":\"sha256\",\"difficulty\":18,\"nonce\":\"abc\",\"header\":\"X-Vote-Proof\","
                + "\"format\":\"f\",\"extra\":1}}";
        Optional<VoteProblem.Challenge> puzzle = VoteProblem.in(challenge).flatMap(VoteProblem::puzzle);
        assertThat(puzzle).map(VoteProblem.Challenge::difficulty).contains(18);
        assertThat(puzzle).map(VoteProblem.Challenge::header).contains("X-Vote-Proof");
        String limited = "{\"type\":\"https://votes.dev/problems/rate-limited\",\"status\":429,\"key\":\"prefix\"}";
        assertThat(VoteProblem.in(limited).map(VoteProblem::key)).contains("prefix");
        assertThat(VoteProblem.in(limited).flatMap(VoteProblem::puzzle)).isEmpty();
        assertThat(VoteProblem.in("<html>")).isEmpty();
    }
}
