package votes.ingest.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {

    private final Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private final ProofOfWork work = new ProofOfWork("secret", Duration.ofMinutes(5), Duration.ofSeconds(5));

    @Test
    void aSolvedChallengeIsAcceptedWithItsDifficultyAndSolveTime() {
        Challenge challenge = work.challenge("voter", "poll", 12, now);
        String proof = ProofOfWork.solve(challenge);
        ProofOfWork.Solved solved = work.verify(challenge.nonce(), proof, "voter", "poll", now.plusMillis(1500))
                .orElseThrow();
        assertThat(solved.difficulty()).isEqualTo(12);
        assertThat(solved.solveTime()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aMissingOrWrongProofIsRefused() {
        Challenge challenge = work.challenge("voter", "poll", 12, now);
        String proof = ProofOfWork.solve(challenge);
        assertThat(work.verify(challenge.nonce(), null, "voter", "poll", now)).isEmpty();
        assertThat(work.verify(challenge.nonce(), "", "voter", "poll", now)).isEmpty();
        assertThat(work.verify(null, proof, "voter", "poll", now)).isEmpty();
        // Proofs are found by counting from 0: the one before the first solution cannot solve it.
        String notIt = Long.toString(Long.parseLong(proof, 36) - 1, 36);
        assertThat(Long.parseLong(proof, 36) == 0 || work.verify(challenge.nonce(), notIt, "voter", "poll", now).isEmpty())
                .isTrue();
    }

    @Test
    void aProofIsBoundToItsVoterAndPoll() {
        Challenge challenge = work.challenge("voter", "poll", 12, now);
        String proof = ProofOfWork.solve(challenge);
        assertThat(work.verify(challenge.nonce(), proof, "other-voter", "poll", now)).isEmpty();
        assertThat(work.verify(challenge.nonce(), proof, "voter", "other-poll", now)).isEmpty();
    }

    @Test
    void aNonceWithAForgedIssueTimeOrDifficultyIsRefused() {
        Challenge challenge = work.challenge("voter", "poll", 12, now);
        String[] parts = challenge.nonce().split("\\.");
        String easier = parts[0] + ".0." + parts[2];
        assertThat(work.verify(easier, "0", "voter", "poll", now)).isEmpty();
        // An earlier issue time would make a slow solve look slower (more human); the tag covers it.
        String backdated = (Long.parseLong(parts[0]) - 60_000) + "." + parts[1] + "." + parts[2];
        assertThat(work.verify(backdated, ProofOfWork.solve(new Challenge("sha256", 12, backdated, "", "", "")),
                "voter", "poll", now)).isEmpty();
        assertThat(work.verify("garbage", "0", "voter", "poll", now)).isEmpty();
        assertThat(work.verify("x.y.z", "0", "voter", "poll", now)).isEmpty();
    }

    @Test
    void aProofIsGoodForItsWindowAfterIssueOnly() {
        Challenge challenge = work.challenge("voter", "poll", 8, now);
        String proof = ProofOfWork.solve(challenge);
        assertThat(work.verify(challenge.nonce(), proof, "voter", "poll", now.plus(Duration.ofMinutes(5)))).isPresent();
        assertThat(work.verify(challenge.nonce(), proof, "voter", "poll", now.plus(Duration.ofMinutes(5)).plusMillis(1)))
                .isEmpty();
        // Issued by an instance whose clock runs a little ahead: fine; far ahead: not ours.
        assertThat(work.verify(challenge.nonce(), proof, "voter", "poll", now.minusSeconds(5))).isPresent();
        assertThat(work.verify(challenge.nonce(), proof, "voter", "poll", now.minusSeconds(6))).isEmpty();
    }

    @Test
    void difficultyCountsLeadingZeroBits() {
        // sha256("abc:") etc. are fixed; check the bit arithmetic against a brute-force definition instead.
        for (int n = 0; n < 2000; n++) {
            String proof = Integer.toString(n);
            int zeros = leadingZeroBits("nonce", proof);
            for (int bits = 0; bits <= 12; bits++) {
                assertThat(ProofOfWork.solves("nonce", proof, bits)).isEqualTo(zeros >= bits);
            }
        }
    }

    @Test
    void theChallengeSaysHowToAnswer() {
        Challenge challenge = work.challenge("voter", "poll", 12, now);
        assertThat(challenge.algorithm()).isEqualTo("sha256");
        assertThat(challenge.difficulty()).isEqualTo(12);
        assertThat(challenge.header()).isEqualTo("X-Vote-Proof");
        assertThat(challenge.nonceHeader()).isEqualTo("X-Vote-Nonce");
        assertThat(challenge.nonce()).startsWith(now.toEpochMilli() + ".12.");
    }

    private static int leadingZeroBits(String nonce, String proof) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((nonce + ":" + proof).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.math.BigInteger value = new java.math.BigInteger(1, d);
            return 256 - value.bitLength();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
