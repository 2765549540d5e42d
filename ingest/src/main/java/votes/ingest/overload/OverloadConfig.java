package votes.ingest.overload;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;

/** vote.overload.* in application.properties: how ingest sheds load instead of queueing it. */
@ConfigMapping(prefix = "vote.overload")
public interface OverloadConfig {

    /** Vote requests one event loop works on at once; one more is answered 503 overloaded before any work. */
    int maxConcurrentPerLoop();

    /** From the moment the request reaches the router: no new work past it, and no wait for the log beyond it. */
    Duration deadline();

    /** The Retry-After of a 503 overloaded. */
    Duration retryAfter();

    /** A tighter bound while the event loop is behind: a cold JVM's first minute, a saturated core. */
    Behind behind();

    /** vote.overload.behind.*: when an event loop counts as behind, and how much it works on then. */
    interface Behind {

        /** Whether a loop that is behind sheds past its tighter bound; its lag is probed and exported either way. */
        boolean shed();

        /** A loop whose last two probes each waited longer than this before they ran is behind. */
        Duration lag();

        /** Vote requests one event loop works on at once while it is behind. */
        int maxConcurrentPerLoop();

        /** The least time between two probes of a loop's lag (probes are sent by votes only). */
        Duration probeEvery();

        /** How long a probe's measurement stands when no newer one came. */
        Duration freshFor();

        /** Upper bounds of the cumulative buckets on votes_loop_lag_seconds. */
        List<Duration> lagBuckets();
    }
}
