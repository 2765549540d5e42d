package votes.ingest.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {

    private final Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private final ProofOfWork work = new ProofOfWork("secret", 12, Duration.ofMinutes(5));

    @Test
    void aSolvedChallengeIsAccepted() {
        Challenge challenge = work.challenge("voter", "poll", now);
        String proof = ProofOfWork.solve(challenge);
        assertThat(work.verify(proof, "voter", "poll", now)).isTrue();
    }

    @Test
    void aMissingOrWrongProofIsRefused() {
        Challenge challenge = work.challenge("voter", "poll", now);
        String proof = ProofOfWork.solve(challenge);
        assertThat(work.verify(null, "voter", "poll", now)).isFalse();
        assertThat(work.verify("", "voter", "poll", now)).isFalse();
        // Proofs are found by counting from 0: the one before the first solution cannot solve it.
        String notIt = Long.toString(Long.parseLong(proof, 36) - 1, 36);
        assertThat(Long.parseLong(proof, 36) == 0 || !work.verify(notIt, "voter", "poll", now)).isTrue();
    }

    @Test
    void aProofIsBoundToItsVoterAndPoll() {
        String proof = ProofOfWork.solve(work.challenge("voter", "poll", now));
        // 12 bits: one chance in 4096 that a proof happens to solve another nonce; these are fixed inputs.
        assertThat(work.verify(proof, "other-voter", "poll", now)).isFalse();
        assertThat(work.verify(proof, "voter", "other-poll", now)).isFalse();
    }

    @Test
    void aProofOutlivesItsWindowByOneWindowOnly() {
        String proof = ProofOfWork.solve(work.challenge("voter", "poll", now));
        assertThat(work.verify(proof, "voter", "poll", now.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(work.verify(proof, "voter", "poll", now.plus(Duration.ofMinutes(10)))).isFalse();
    }

    @Test
    void theChallengeSaysHowToAnswer() {
        Challenge challenge = work.challenge("voter", "poll", now);
        assertThat(challenge.algorithm()).isEqualTo("sha256");
        assertThat(challenge.difficulty()).isEqualTo(12);
        assertThat(challenge.header()).isEqualTo("X-Vote-Proof");
        assertThat(challenge.nonce()).isNotBlank().isEqualTo(work.challenge("voter", "poll", now.plusSeconds(1)).nonce());
    }

}
