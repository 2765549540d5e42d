package votes.ingest.abuse;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The limits kept in this process, for while Redis is slow or down: the same bucket and sliding-log arithmetic as
 * check.lua, over this instance's votes only. A fleet of N ingest instances then admits up to N times each limit
 * (each instance counts only what it sees); with one instance the limits hold as they do in Redis. Like the script,
 * it checks every key first and logs the vote on all of them only when all admit it. Synchronized: it serves only the
 * degraded path, where one lock is cheaper than Redis's round trip it replaces.
 */
public final class LocalLimiter {

    /** One key's state: a bucket's tat, or a log's times (oldest first); forgotten once it would admit afresh. */
    private static final class State {
        long tat;
        final ArrayDeque<Long> times = new ArrayDeque<>();
        long idleFrom;
    }

    private final Map<String, State> states = new HashMap<>();
    private final int maxKeys;

    /** @param maxKeys keys remembered at most: past it, idle keys are dropped, and if none is, every key. */
    public LocalLimiter(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    public synchronized Optional<RateLimits.Exceeded> admit(List<RateLimits.Counter> counters, long now) {
        RateLimits.Exceeded worst = null;
        for (RateLimits.Counter counter : counters) {
            long wait = retryAfter(counter.limit(), states.get(counter.key()), now);
            if (wait > 0 && (worst == null || wait > worst.retryAfter().toMillis())) {
                worst = new RateLimits.Exceeded(counter.limit().kind(), java.time.Duration.ofMillis(wait));
            }
        }
        if (worst != null) {
            return Optional.of(worst);
        }
        for (RateLimits.Counter counter : counters) {
            record(counter, now);
        }
        return Optional.empty();
    }

    synchronized int keys() {
        return states.size();
    }

    private static long retryAfter(Limit limit, State state, long now) {
        if (state == null) {
            return 0;
        }
        if (limit.shape() == Limit.Shape.BUCKET) {
            return TokenBucket.retryAfter(limit, state.tat, now);
        }
        while (!state.times.isEmpty() && state.times.peekFirst() <= now - limit.windowMillis()) {
            state.times.pollFirst();
        }
        long[] times = state.times.stream().mapToLong(Long::longValue).toArray();
        return SlidingLog.retryAfter(limit, times, times.length, now);
    }

    private void record(RateLimits.Counter counter, long now) {
        State state = states.get(counter.key());
        if (state == null) {
            makeRoom(now);
            state = new State();
            states.put(counter.key(), state);
        }
        Limit limit = counter.limit();
        if (limit.shape() == Limit.Shape.BUCKET) {
            state.tat = TokenBucket.nextTat(limit, state.tat, now);
            state.idleFrom = state.tat;
        } else {
            state.times.addLast(now);
            state.idleFrom = now + limit.windowMillis();
        }
    }

    private void makeRoom(long now) {
        if (states.size() < maxKeys) {
            return;
        }
        for (Iterator<State> it = states.values().iterator(); it.hasNext(); ) {
            if (it.next().idleFrom <= now) {
                it.remove();
            }
        }
        if (states.size() >= maxKeys) {
            // Memory over memory: a flood of distinct keys starts every count afresh rather than grow without bound.
            states.clear();
        }
    }
}
