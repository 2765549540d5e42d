package votes.ingest.fastpath;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** vote.redis.* in application.properties. */
@ConfigMapping(prefix = "vote.redis")
public interface FastPathConfig {

    /** How long a vote waits for Redis before going on without the fast path. */
    Duration timeout();

    /** How long the dedupe, idempotency and receipt keys live. */
    Duration ttl();

    /** How long a voter's slot stays reserved for an attempt whose append has not settled (ingest may have died). */
    Duration reservationTtl();

    /**
     * Whether the fast path's calls an event loop makes in one turn go to Redis as one pipeline
     * ({@link LoopPipeline}).
     */
    boolean pipeline();
}
