package votes.ingest.fastpath;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import votes.events.codec.EventCodec;
import votes.events.receipt.AcceptedReceipt;
import votes.ingest.abuse.Limit;
import votes.ingest.abuse.RateLimits;
import votes.ingest.bot.AcceptedVote;
import votes.ingest.bot.History;
import votes.ingest.bot.HistoryKeys;

/**
 * Asks Redis, in ONE round trip (a Lua script), everything it knows before a vote is appended: an earlier
 * answer to the same Idempotency-Key, an earlier (or in-flight) vote of this voter in this poll, and the
 * rate limits (judged, and counted when all admit the vote, in the same call), the bot score's history (when
 * asked for: {@code history} not null), whether the token is on the deny-list (issue 13) — and, when the voter's slot in the poll is free, reserves it
 * for this attempt's receipt, atomically, so that of concurrent attempts exactly one goes on to the log. Redis
 * is only a fast path: if it is down or slower than {@code vote.redis.timeout}, the vote goes on, the ledger's
 * unique constraint decides duplicates and the caller limits in process ({@link FastPathHealth} says which).
 */
@ApplicationScoped
public class FastPath {

    private static final Logger LOG = Logger.getLogger(FastPath.class);
    // KEYS[2] must be a key of the voter's slot even when there is no Idempotency-Key to look up.
    private static final String NO_IDEMPOTENCY_KEY = "-";

    private final LoopRedis redis;
    private final FastPathConfig config;
    private final FastPathHealth health;

    public FastPath(LoopRedis redis, FastPathConfig config, FastPathHealth health) {
        this.redis = redis;
        this.config = config;
        this.health = health;
    }

    /**
     * @param history       the bot history's keys, or null to keep and read none
     * @param overLimitFlags whether a refusing sliding log hands over the votes it admitted (see settle.lua)
     * @param revocationKeys the token's deny-list keys ({@code RevokedTokens.keysOf}): any of them set = revoked
     */
    public Uni<FastPathVerdict> check(Reservation reservation, String idempotencyKey,
                                      List<RateLimits.Counter> counters, boolean overLimitFlags, HistoryKeys history,
                                      List<String> revocationKeys, long nowMillis) {
        List<String> keys = new ArrayList<>(5 + 2 * counters.size());
        keys.add(reservation.slotKey());
        keys.add(RedisKeys.idempotency(reservation.voterId(), idempotencyKey == null ? NO_IDEMPOTENCY_KEY : idempotencyKey));
        counters.forEach(counter -> keys.add(counter.key()));
        if (overLimitFlags) {
            counters.forEach(counter -> keys.add(counter.acceptedKey()));
        }
        List<String> args = new ArrayList<>(9 + 4 * counters.size());
        args.addAll(List.of(Long.toString(nowMillis), idempotencyKey == null ? "0" : "1", reservation.value(),
                Long.toString(Math.max(1, config.reservationTtl().toMillis())),
                reservation.receipt().receiptId().toString(), Integer.toString(counters.size())));
        for (RateLimits.Counter counter : counters) {
            Limit limit = counter.limit();
            args.addAll(List.of(limit.shape() == Limit.Shape.BUCKET ? "bucket" : "log", Long.toString(limit.limit()),
                    Long.toString(limit.windowMillis()), Long.toString(limit.burst())));
        }
        args.add(overLimitFlags ? "1" : "0");
        if (history == null) {
            args.add("0");
        } else {
            keys.addAll(List.of(history.userAgentKey(), history.arrivalsKey(), history.mintKey(),
                    history.options().pollKey(), history.options().prefixKey()));
            args.addAll(List.of(Integer.toString(history.arrivalsKept()), Long.toString(history.windowMillis()),
                    Long.toString(history.mintTtlMillis()), history.options().optionId()));
        }
        // Last, so that every index above stays where check.lua reads it.
        keys.addAll(revocationKeys);
        args.add(Integer.toString(revocationKeys.size()));
        return redis.run(FastPathScripts.CHECK, keys, args)
                .ifNoItem().after(config.timeout()).fail()
                .map(response -> verdict(response, counters, history != null))
                .invoke(verdict -> health.answered())
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("vote fast path skipped: %s", failure.toString());
                    health.failed(failure);
                    return new FastPathVerdict.Skipped(failure.toString());
                });
    }

    private FastPathVerdict verdict(Response response, List<RateLimits.Counter> counters, boolean withHistory) {
        String kind = response.get(0).toString();
        if ("revoked".equals(kind)) {
            return new FastPathVerdict.Revoked();
        }
        if ("limited".equals(kind)) {
            List<AcceptedVote> overLimit = new ArrayList<>(response.size() - 3);
            for (int i = 3; i < response.size(); i++) {
                overLimit.add(AcceptedVote.parse(response.get(i).toString()));
            }
            return new FastPathVerdict.Limited(new RateLimits.Exceeded(
                    counters.get(response.get(1).toInteger() - 1).scope(), Duration.ofMillis(response.get(2).toLong())),
                    overLimit);
        }
        String stored = response.get(1).toString();
        if ("replay".equals(kind)) {
            return new FastPathVerdict.Replay(readReceipt(stored));
        }
        if (stored != null && !stored.isEmpty()) {
            return new FastPathVerdict.Checked(readReceipt(stored).receiptId(), List.of(), History.NONE);
        }
        int end = 2 + counters.size();
        List<Long> counts = longs(response, 2, end);
        if (!withHistory) {
            return new FastPathVerdict.Checked(null, counts, History.NONE);
        }
        History.OptionCounts options = new History.OptionCounts(response.get(end + 2).toLong(),
                response.get(end + 3).toLong(), response.get(end + 4).toLong(), response.get(end + 5).toLong());
        History history = new History(response.get(end).toLong(), response.get(end + 1).toLong(),
                longs(response, end + 6, response.size()), options);
        return new FastPathVerdict.Checked(null, counts, history);
    }

    private static List<Long> longs(Response response, int from, int to) {
        List<Long> values = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            values.add(response.get(i).toLong());
        }
        return values;
    }

    /** An unreadable value fails the verdict: the fast path is skipped and the ledger decides. */
    private static AcceptedReceipt readReceipt(String stored) {
        return EventCodec.decodeAcceptedReceipt(stored);
    }
}
