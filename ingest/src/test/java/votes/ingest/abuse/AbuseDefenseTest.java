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
            public long challengeAddressThreshold() { return 3; }
            public int challengeDifficulty() { return 6; }
            public Duration challengeWindow() { return Duration.ofMinutes(5); }
            public String challengeSecret() { return "s"; }
            public String clientFactsKey() { return "k"; }
        };
    }

    @Test
    void byDefaultNobodyIsChallenged() {
        AbuseDefense off = new AbuseDefense(config(ChallengeMode.OFF));
        assertThat(off.demandUpFront(null, "v", "p", now)).isEmpty();
        assertThat(off.demandForAddress(1_000_000, null, "v", "p", now)).isEmpty();
    }

    @Test
    void inAlwaysModeEveryVoteNeedsAValidProof() {
        AbuseDefense always = new AbuseDefense(config(ChallengeMode.ALWAYS));
        Challenge challenge = always.demandUpFront(null, "v", "p", now).orElseThrow();
        assertThat(always.demandUpFront(ProofOfWork.solve(challenge), "v", "p", now)).isEmpty();
    }

    @Test
    void inThresholdModeOnlyABusyAddressNeedsAProof() {
        AbuseDefense threshold = new AbuseDefense(config(ChallengeMode.THRESHOLD));
        assertThat(threshold.demandUpFront(null, "v", "p", now)).isEmpty();
        assertThat(threshold.demandForAddress(3, null, "v", "p", now)).isEmpty();
        Challenge challenge = threshold.demandForAddress(4, null, "v", "p", now).orElseThrow();
        assertThat(threshold.demandForAddress(4, ProofOfWork.solve(challenge), "v", "p", now)).isEmpty();
    }
}
