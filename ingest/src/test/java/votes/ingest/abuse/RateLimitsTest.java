package votes.ingest.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import votes.events.vote.ClientHashes;

class RateLimitsTest {

    private final Instant now = Instant.parse("2026-11-21T10:00:15Z");
    private final ClientHashes hashes = new ClientHashes("client-facts-key-of-this-test");
    private final RateLimits limits = new RateLimits(Duration.ofMinutes(1), 5, 50, 500, hashes);

    @Test
    void countersAreKeyedByScopeAndWindowAndTheVoterKeyIsHashTagged() {
        long window = now.toEpochMilli() / 60_000;
        List<RateLimits.Counter> counters = limits.counters("V", "device-1", "addr", now);
        assertThat(counters).extracting(RateLimits.Counter::key).containsExactly(
                "rl:{V}:voter:" + window,
                "rl:device:" + hashes.of("device-1") + ":" + window,
                "rl:address:addr:" + window);
        assertThat(counters).extracting(RateLimits.Counter::limit).containsExactly(5L, 50L, 500L);
    }

    @Test
    void theNextWindowUsesFreshKeys() {
        assertThat(limits.counters("V", null, null, now.plusSeconds(60)).get(0).key())
                .isNotEqualTo(limits.counters("V", null, null, now).get(0).key());
        assertThat(limits.counters("V", null, null, now.plusSeconds(30)).get(0).key())
                .isEqualTo(limits.counters("V", null, null, now).get(0).key());
    }

    @Test
    void absentFactsAndZeroLimitsAddNoCounter() {
        assertThat(limits.counters("V", null, null, now)).extracting(RateLimits.Counter::scope).containsExactly("voter");
        assertThat(new RateLimits(Duration.ofMinutes(1), 0, 0, 7, hashes).counters("V", "d", "a", now))
                .extracting(RateLimits.Counter::scope).containsExactly("address");
    }

    @Test
    void theFirstCounterOverItsLimitIsReportedWithTheRestOfItsWindow() {
        List<RateLimits.Counter> counters = limits.counters("V", "d", "a", now);
        assertThat(limits.judge(counters, List.of(5L, 50L, 500L), now)).isEmpty();
        RateLimits.Exceeded exceeded = limits.judge(counters, List.of(5L, 51L, 501L), now).orElseThrow();
        assertThat(exceeded.scope()).isEqualTo("device");
        assertThat(exceeded.retryAfter()).isEqualTo(Duration.ofSeconds(45));
    }
}
