package votes.events.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChallengeRequiredTest {

    private static final String PROBLEM = """
            {"type":"https://votes.example/problems/challenge-required","title":"Proof of work required",
             "status":403,"detail":"solve the challenge and send the answer in X-Vote-Proof",
             "challenge":{"algorithm":"sha256","difficulty":8,"nonce":"AbC-12_x","header":"X-Vote-Proof",
                          "format":"sha256(nonce + \\":\\" + proof) has `difficulty` leading zero bits",
                          "issuedAt":"2026-11-30T08:00:00Z"},
             "score":0.7}""";

    @Test
    void theChallengeOfA403IsReadIgnoringMembersAddedLater() {
        ChallengeRequired.Challenge challenge = ChallengeRequired.in(PROBLEM).orElseThrow();
        assertThat(challenge.difficulty()).isEqualTo(8);
        assertThat(challenge.nonce()).isEqualTo("AbC-12_x");
        assertThat(challenge.header()).isEqualTo("X-Vote-Proof");
        assertThat(Hashcash.solves("AbC-12_x", challenge.solve(), 8)).isTrue();
    }

    @Test
    void anotherProblemOrABodyThatIsNotJsonHasNoChallenge() {
        assertThat(ChallengeRequired.in("{\"type\":\"https://votes.example/problems/forbidden\",\"status\":403}"))
                .isEmpty();
        assertThat(ChallengeRequired.in("<html>403</html>")).isEmpty();
        assertThat(ChallengeRequired.in("")).isEmpty();
        assertThat(ChallengeRequired.in(PROBLEM.replace("\"sha256\",", "\"scrypt\","))).isEmpty();
    }

    @Test
    void aChallengeThatWantsItsNonceEchoedIsAnsweredWithItAndAnOlderOneWithTheProofAlone() {
        String echoed = "{\"type\":\"https://votes.dev/problems/challenge-required\",\"status\":403,\"challenge\":"
                + "{\"algorithm\":\"sha256\",\"difficulty\":14,\"nonce\":\"1764491234567.14.q2Vx\","
                + "\"header\":\"X-Vote-Proof\",\"format\":\"f\",\"nonceHeader\":\"X-Vote-Nonce\"}}";
        String older = "{\"type\":\"https://votes.dev/problems/challenge-required\",\"status\":403,\"challenge\":"
                + "{\"algorithm\":\"sha256\",\"difficulty\":16,\"nonce\":\"abc\",\"header\":\"X-Vote-Proof\"}}";
        assertThat(ChallengeRequired.in(echoed).orElseThrow().answer("p1"))
                .containsExactly(java.util.Map.entry("X-Vote-Proof", "p1"),
                        java.util.Map.entry("X-Vote-Nonce", "1764491234567.14.q2Vx"));
        assertThat(ChallengeRequired.in(older).orElseThrow().answer("p2"))
                .containsExactly(java.util.Map.entry("X-Vote-Proof", "p2"));
    }
}
