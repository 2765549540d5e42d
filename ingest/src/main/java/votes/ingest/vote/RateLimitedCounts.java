package votes.ingest.vote;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import votes.ingest.abuse.RateLimits;

/**
 * votes_rate_limited_total{key}: the 429s, by the kind of key that refused them (a limit's, or bot-score). Every key
 * is registered at start, so alerts and boards find the series at zero before the first refusal.
 */
final class RateLimitedCounts {

    private final MeterRegistry metrics;

    RateLimitedCounts(MeterRegistry metrics) {
        this.metrics = metrics;
        for (String key : List.of(RateLimits.VOTER, RateLimits.DEVICE, RateLimits.ADDRESS, RateLimits.PREFIX,
                VoteOutcome.RateLimited.BOT_SCORE)) {
            counter(key);
        }
    }

    /** The 429 of an exceeded limit, counted. */
    VoteOutcome.RateLimited of(RateLimits.Exceeded exceeded) {
        return (VoteOutcome.RateLimited) counted(new VoteOutcome.RateLimited(exceeded.scope(), exceeded.retryAfter()));
    }

    /** The refusal as it was, counted if it is a 429. */
    VoteOutcome.Refusal counted(VoteOutcome.Refusal refusal) {
        if (refusal instanceof VoteOutcome.RateLimited limited) {
            counter(limited.scope()).increment();
        }
        return refusal;
    }

    private Counter counter(String key) {
        return Counter.builder("votes.rate.limited").tag("key", key)
                .description("votes refused 429 by a rate limit or the bot score, by the kind of key that refused them")
                .register(metrics);
    }
}
