package votes.ingest.overload;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** vote.overload.* in application.properties: how ingest sheds load instead of queueing it. */
@ConfigMapping(prefix = "vote.overload")
public interface OverloadConfig {

    /** Vote requests one event loop works on at once; one more is answered 503 overloaded before any work. */
    int maxConcurrentPerLoop();

    /** From the moment the request reaches the router: no new work past it, and no wait for the log beyond it. */
    Duration deadline();

    /** The Retry-After of a 503 overloaded. */
    Duration retryAfter();
}
