package votes.ingest.fastpath;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The fast path's Lua scripts, loaded into Redis at start: the first votes then find them cached (no NOSCRIPT
 * round trip). Loaded through Quarkus' client, whose connections votes do not use (each event loop has its own,
 * LoopRedis); opening those at start with a PING each made the first minute slower, not faster (perf/RESULTS.md,
 * "The first minute"), while running the warm-up's votes through them before readiness (warmup.WarmUp) made it faster.
 * Redis may be down at start: votes go on without it.
 */
@ApplicationScoped
public class FastPathScripts {

    /** Idempotency replay, duplicate check, rate-limit counters and the slot's reservation, in one round trip. */
    public static final RedisScript CHECK = RedisScript.load("votes/ingest/fastpath/check.lua");
    /** After the ack: the slot becomes the accepted vote, the Idempotency-Key's answer is written. */
    public static final RedisScript SETTLE = RedisScript.load("votes/ingest/fastpath/settle.lua");
    /** Refused or not appended: the slot is freed if it still holds this attempt's reservation. */
    public static final RedisScript RELEASE = RedisScript.load("votes/ingest/fastpath/release.lua");

    private static final Logger LOG = Logger.getLogger(FastPathScripts.class);

    void preload(@Observes StartupEvent start, Redis redis) {
        for (RedisScript script : List.of(CHECK, SETTLE, RELEASE)) {
            redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(script.source())).subscribe().with(
                    loaded -> { },
                    failure -> LOG.infof("fast path script not preloaded (Redis unreachable?): %s", failure.toString()));
        }
    }
}
