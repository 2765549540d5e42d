package votes.ingest.overload;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;

/** vote.overload.* in application.properties: how ingest sheds load instead of queueing it. */
@ConfigMapping(prefix = "vote.overload")
public interface OverloadConfig {

    /** Vote requests one event loop works on at once; one more is answered 503 overloaded before any work. */
    int maxConcurrentPerLoop();

    /**
     * Of those, the votes one event loop works on that it has not yet handed to the log (a vote waiting for the
     * broker's ack no longer counts); one more is answered 503 overloaded before any work.
     */
    int maxBeforeLogPerLoop();

    /** From the moment the request reaches the router: no new work past it, and no wait for the log beyond it. */
    Duration deadline();

    /** The Retry-After of a 503 overloaded. */
    Duration retryAfter();

    /** How each event loop's lag is probed (votes_loop_lag_seconds). */
    Lag lag();

    /** vote.overload.lag.*: the probe of an event loop's lag. */
    interface Lag {

        /** The least time between two probes of a loop's lag (probes are sent by votes only). */
        Duration probeEvery();

        /** Upper bounds of the cumulative buckets on votes_loop_lag_seconds. */
        List<Duration> buckets();
    }
}
