package votes.ingest.fastpath;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import votes.events.codec.EventCodec;
import votes.events.receipt.AcceptedReceipt;
import votes.ingest.abuse.RateLimits;

/**
 * Asks Redis, in ONE round trip (a Lua script), everything it knows before a vote is appended: an earlier
 * answer to the same Idempotency-Key, an earlier (or in-flight) vote of this voter in this poll, and the
 * rate-limit counters (bumped in the same call) — and, when the voter's slot in the poll is free, reserves it
 * for this attempt's receipt, atomically, so that of concurrent attempts exactly one goes on to the log. Redis
 * is only a fast path: if it is down or slower than {@code vote.redis.timeout}, the vote goes on and the
 * ledger's unique constraint decides.
 */
@ApplicationScoped
public class FastPath {

    private static final Logger LOG = Logger.getLogger(FastPath.class);
    // KEYS[2] must be a key of the voter's slot even when there is no Idempotency-Key to look up.
    private static final String NO_IDEMPOTENCY_KEY = "-";

    private final Redis redis;
    private final FastPathConfig config;

    public FastPath(Redis redis, FastPathConfig config) {
        this.redis = redis;
        this.config = config;
    }

    public Uni<FastPathVerdict> check(Reservation reservation, String idempotencyKey,
                                      List<RateLimits.Counter> counters, long counterTtlSeconds) {
        List<String> keys = new ArrayList<>(2 + counters.size());
        keys.add(reservation.slotKey());
        keys.add(RedisKeys.idempotency(reservation.voterId(), idempotencyKey == null ? NO_IDEMPOTENCY_KEY : idempotencyKey));
        counters.forEach(counter -> keys.add(counter.key()));
        List<String> args = List.of(Long.toString(counterTtlSeconds), idempotencyKey == null ? "0" : "1",
                reservation.value(), Long.toString(Math.max(1, config.reservationTtl().toMillis())));
        return FastPathScripts.CHECK.run(redis, keys, args)
                .ifNoItem().after(config.timeout()).fail()
                .map(this::verdict)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("vote fast path skipped: %s", failure.toString());
                    return new FastPathVerdict.Skipped(failure.toString());
                });
    }

    private FastPathVerdict verdict(Response response) {
        String kind = response.get(0).toString();
        String stored = response.get(1).toString();
        if ("replay".equals(kind)) {
            return new FastPathVerdict.Replay(readReceipt(stored));
        }
        UUID existing = stored == null || stored.isEmpty() ? null : readReceipt(stored).receiptId();
        List<Long> counts = new ArrayList<>(response.size() - 2);
        for (int i = 2; i < response.size(); i++) {
            counts.add(response.get(i).toLong());
        }
        return new FastPathVerdict.Checked(existing, counts);
    }

    /** An unreadable value fails the verdict: the fast path is skipped and the ledger decides. */
    private static AcceptedReceipt readReceipt(String stored) {
        return EventCodec.decodeAcceptedReceipt(stored);
    }
}
