package votes.ingest.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AbuseDefenseTest {

    private final Instant now = Instant.parse("2026-11-21T10:00:00Z");

    private static AbuseConfig config(ChallengeMode mode) {
        return new AbuseConfig() {
            public Duration window() { return Duration.ofMinutes(1); }
            public long voterLimit() { return 10; }
            public long voterBurst() { return 10; }
            public long deviceLimit() { return 10; }
            public long deviceBurst() { return 5; }
            public long addressLimit() { return 10; }
            public long addressBurst() { return 5; }
            public long prefixLimit() { return 100; }
            public long prefixBurst() { return 50; }
            public int localMaxKeys() { return 1000; }
            public ChallengeMode challenge() { return mode; }
            public int challengeDifficulty() { return 6; }
            public Duration challengeWindow() { return Duration.ofMinutes(5); }
            public Duration challengeClockSkew() { return Duration.ofSeconds(5); }
            public String challengeSecret() { return "s"; }
            public String clientFactsKey() { return "k"; }
        };
    }

    @Test
    void outsideAlwaysModeNothingIsDemandedUpFront() {
        assertThat(new AbuseDefense(config(ChallengeMode.OFF)).demandUpFront(null, null, "v", "p", now)).isEmpty();
        assertThat(new AbuseDefense(config(ChallengeMode.ADAPTIVE)).demandUpFront(null, null, "v", "p", now)).isEmpty();
    }

    @Test
    void inAlwaysModeEveryVoteNeedsAValidProofOfTheFixedDifficulty() {
        AbuseDefense always = new AbuseDefense(config(ChallengeMode.ALWAYS));
        Challenge challenge = always.demandUpFront(null, null, "v", "p", now).orElseThrow();
        assertThat(challenge.difficulty()).isEqualTo(6);
        assertThat(always.demandUpFront(challenge.nonce(), ProofOfWork.solve(challenge), "v", "p", now)).isEmpty();
        // An easier challenge (issued by the adaptive path) does not pay for an ALWAYS vote.
        Challenge easy = always.challenge("v", "p", 1, now);
        assertThat(always.demandUpFront(easy.nonce(), ProofOfWork.solve(easy), "v", "p", now)).isPresent();
    }

    @Test
    void theDeviceKeyIsTheLimitsOwn() {
        AbuseDefense defense = new AbuseDefense(config(ChallengeMode.ADAPTIVE));
        assertThat(defense.counters("v", null, "10.0.0.1", defense.clientKeys("10.0.0.1", null))).anySatisfy(counter ->
                assertThat(counter.key()).isEqualTo("rl:device:" + defense.deviceKey(null, "10.0.0.1")));
        assertThat(defense.counters("v", "dev-1", "10.0.0.1", defense.clientKeys("10.0.0.1", null))).anySatisfy(counter ->
                assertThat(counter.key()).isEqualTo("rl:device:" + defense.deviceKey("dev-1", "10.0.0.1")));
        assertThat(defense.counters("v", null, "10.0.0.1", defense.clientKeys("10.0.0.1", null))).anySatisfy(counter ->
                assertThat(counter.key()).isEqualTo("rl:prefix:" + defense.prefixHash("10.0.0.1")));
    }
}
