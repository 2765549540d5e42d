package votes.ingest.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bucket and the sliding log over generated request sequences (seeded, so a failure replays): what they admit
 * never exceeds their promise, and a refusal's Retry-After is exact to the millisecond. Driven through
 * {@link LocalLimiter}, which runs the same arithmetic as check.lua.
 */
class LimitInvariantsTest {

    private static final long SEED = 20261130L;
    private static final int RUNS = 200;

    private static Limit randomLimit(Random random, Limit.Shape shape) {
        long limit = 1 + random.nextInt(20);
        long window = 1_000 + random.nextInt(120_000);
        long burst = 1 + random.nextInt((int) limit + 5);
        return new Limit("k", shape, limit, window, burst);
    }

    /** Admitted request times over a random sequence: bursts (several requests in one ms) and gaps. */
    private static List<Long> admitted(Random random, Limit limit) {
        LocalLimiter limiter = new LocalLimiter(1000);
        List<RateLimits.Counter> counters = List.of(new RateLimits.Counter("key", limit));
        List<Long> admitted = new ArrayList<>();
        long now = 1_700_000_000_000L;
        for (int i = 0; i < 300; i++) {
            now += random.nextInt(4) == 0 ? 0 : random.nextInt((int) (limit.windowMillis() / limit.limit()) * 2 + 1);
            if (limiter.admit(counters, now).isEmpty()) {
                admitted.add(now);
            }
        }
        return admitted;
    }

    @Test
    void aBucketNeverAdmitsMoreThanBurstPlusRateTimesTInAnyIntervalT() {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            Limit limit = randomLimit(random, Limit.Shape.BUCKET);
            List<Long> times = admitted(random, limit);
            long interval = TokenBucket.interval(limit);
            for (int i = 0; i < times.size(); i++) {
                for (int j = i; j < times.size(); j++) {
                    long t = times.get(j) - times.get(i);
                    assertThat((long) (j - i + 1)).as("run %d, %s, admitted between %d and %d", run, limit, i, j)
                            .isLessThanOrEqualTo(limit.burst() + t / interval);
                }
            }
        }
    }

    @Test
    void aSlidingLogNeverAdmitsMoreThanItsLimitInAnyWindowNorItsBurstInAnyBurstWindow() {
        Random random = new Random(SEED + 1);
        for (int run = 0; run < RUNS; run++) {
            Limit limit = randomLimit(random, Limit.Shape.LOG);
            List<Long> times = admitted(random, limit);
            assertAtMostInAnyWindow(times, limit.limit(), limit.windowMillis(), run);
            assertAtMostInAnyWindow(times, Math.min(limit.burst(), limit.limit()), SlidingLog.burstWindow(limit), run);
        }
    }

    @Test
    void aFreshKeyAdmitsItsWholeBurstAtOnce() {
        for (Limit.Shape shape : Limit.Shape.values()) {
            Limit limit = new Limit("address", shape, 10, 60_000, 5);
            LocalLimiter limiter = new LocalLimiter(10);
            List<RateLimits.Counter> counters = List.of(new RateLimits.Counter("a", limit));
            for (int i = 0; i < 5; i++) {
                assertThat(limiter.admit(counters, 1_000)).as("%s vote %d", shape, i).isEmpty();
            }
            assertThat(limiter.admit(counters, 1_000)).as(shape.toString()).isPresent();
        }
    }

    @Test
    void retryAfterIsExactOneRequestThenIsAdmittedAndOneAMillisecondEarlierIsNot() {
        Random random = new Random(SEED + 2);
        int refusals = 0;
        for (int run = 0; run < RUNS; run++) {
            Limit limit = randomLimit(random, random.nextBoolean() ? Limit.Shape.BUCKET : Limit.Shape.LOG);
            LocalLimiter limiter = new LocalLimiter(1000);
            List<RateLimits.Counter> counters = List.of(new RateLimits.Counter("key", limit));
            long now = 1_700_000_000_000L;
            for (int i = 0; i < 100; i++) {
                now += random.nextInt(3) == 0 ? 0 : random.nextInt((int) limit.windowMillis() / 4 + 1);
                Optional<RateLimits.Exceeded> refused = limiter.admit(counters, now);
                if (refused.isPresent()) {
                    refusals++;
                    long wait = refused.get().retryAfter().toMillis();
                    assertThat(wait).isPositive();
                    assertThat(limiter.admit(counters, now + wait - 1)).as("run %d, %s, 1 ms early", run, limit)
                            .isPresent();
                    now += wait;
                    assertThat(limiter.admit(counters, now)).as("run %d, %s, on time", run, limit).isEmpty();
                }
            }
        }
        assertThat(refusals).as("the sequences must trip the limits to prove anything").isGreaterThan(RUNS);
    }

    @Test
    void aVoteOneKeyRefusesIsCountedByNone() {
        Limit roomy = new Limit("voter", Limit.Shape.BUCKET, 100, 60_000, 100);
        Limit tight = new Limit("address", Limit.Shape.LOG, 1, 60_000, 1);
        LocalLimiter limiter = new LocalLimiter(10);
        RateLimits.Counter voter = new RateLimits.Counter("v", roomy);
        assertThat(limiter.admit(List.of(new RateLimits.Counter("a", tight)), 0)).isEmpty();
        for (int i = 0; i < 150; i++) {
            assertThat(limiter.admit(List.of(voter, new RateLimits.Counter("a", tight)), 1)).get()
                    .extracting(RateLimits.Exceeded::scope).isEqualTo("address");
        }
        assertThat(limiter.admit(List.of(voter), 1)).as("the refused votes took no voter tokens").isEmpty();
    }

    @Test
    void theInProcessLimiterForgetsIdleKeysPastItsCap() {
        LocalLimiter limiter = new LocalLimiter(3);
        Limit limit = new Limit("address", Limit.Shape.LOG, 1, 1_000, 1);
        for (int i = 0; i < 3; i++) {
            limiter.admit(List.of(new RateLimits.Counter("a" + i, limit)), 0);
        }
        limiter.admit(List.of(new RateLimits.Counter("late", limit)), 5_000);

        assertThat(limiter.keys()).isEqualTo(1);
    }

    private static void assertAtMostInAnyWindow(List<Long> times, long most, long window, int run) {
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (times.get(to) - times.get(from) >= window) {
                from++;
            }
            assertThat((long) (to - from + 1)).as("run %d: admitted in a window of %d ms ending at #%d", run, window, to)
                    .isLessThanOrEqualTo(most);
        }
    }
}
