package votes.events.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashcashTest {

    @Test
    void difficultyCountsLeadingZeroBitsOfTheDigestOfNonceColonProof() throws Exception {
        for (int n = 0; n < 2000; n++) {
            String proof = Integer.toString(n);
            int zeros = leadingZeroBits("nonce:" + proof);
            for (int bits = 0; bits <= 12; bits++) {
                assertThat(Hashcash.solves("nonce", proof, bits)).as("proof %s at %d bits", proof, bits)
                        .isEqualTo(zeros >= bits);
            }
        }
    }

    @Test
    void theProofFoundIsTheFirstThatSolvesCountingInBase36() throws Exception {
        String proof = Hashcash.solve("a-nonce", 10);
        assertThat(Hashcash.solves("a-nonce", proof, 10)).isTrue();
        long found = Long.parseLong(proof, 36);
        for (long n = 0; n < found; n++) {
            assertThat(leadingZeroBits("a-nonce:" + Long.toString(n, 36))).isLessThan(10);
        }
    }

    @Test
    void aLongSearchReportsItsAttemptsAsItGoes() {
        List<Long> reports = new ArrayList<>();
        String proof = Hashcash.solve("progress", 18, reports::add);
        long attempts = Long.parseLong(proof, 36) + 1;
        assertThat(reports).hasSize((int) (attempts / Hashcash.REPORT_EVERY));
        for (int i = 0; i < reports.size(); i++) {
            assertThat(reports.get(i)).isEqualTo((long) (i + 1) * Hashcash.REPORT_EVERY);
        }
    }

    @Test
    void anInterruptedSearchStopsAtItsNextReport() {
        Thread.currentThread().interrupt();
        try {
            // 32 bits would take minutes: the search must give up at its first report instead.
            assertThatThrownBy(() -> Hashcash.solve("cancelled", 32, tried -> { }))
                    .isInstanceOf(Hashcash.CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void zeroBitsIsSolvedByTheFirstProofAndImpossibleDifficultiesAreRefused() {
        assertThat(Hashcash.solve("anything", 0)).isEqualTo("0");
        assertThatThrownBy(() -> Hashcash.solve("n", 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hashcash.solve("n", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Hashcash.expectedAttempts(16)).isEqualTo(65_536);
    }

    private static int leadingZeroBits(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return 256 - new BigInteger(1, digest).bitLength();
    }
}
