package votes.ingest.fastpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.ingest.it.IngestStackResource;

/** A script and the command sent behind it on one connection ({@link RedisScript#runThen}), on the real Redis. */
@QuarkusTest
@WithTestResource(IngestStackResource.class)
class RedisScriptIT {

    private static final RedisScript ECHO = RedisScript.load("votes/ingest/fastpath/echo-first-arg.lua");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Redis redis;

    @Test
    void theScriptAnswersAndTheCommandBehindItRunsWhetherOrNotRedisHasTheScriptCached() {
        String key = "it:redis-script:" + UUID.randomUUID();
        // An empty script cache (a restarted Redis): EVALSHA fails NOSCRIPT and both go again with the source.
        redis.send(Request.cmd(Command.SCRIPT).arg("FLUSH")).await().atMost(WAIT);
        assertThat(ECHO.runThen(redis, List.of(key), List.of("first"), set(key, "one")).await().atMost(WAIT))
                .hasToString("first");
        assertThat(get(key)).isEqualTo("one");

        // Cached now: the SHA alone.
        assertThat(ECHO.runThen(redis, List.of(key), List.of("second"), set(key, "two")).await().atMost(WAIT))
                .hasToString("second");
        assertThat(get(key)).isEqualTo("two");
    }

    @Test
    void aRefusedCommandBehindTheScriptFailsTheWhole() {
        String text = "it:redis-script:" + UUID.randomUUID();
        redis.send(set(text, "not a number")).await().atMost(WAIT);
        assertThatThrownBy(() -> ECHO.runThen(redis, List.of(text), List.of("x"), Request.cmd(Command.INCR).arg(text))
                .await().atMost(WAIT)).hasMessageContaining("not an integer");
    }

    private static Request set(String key, String value) {
        return Request.cmd(Command.SET).arg(key).arg(value).arg("EX").arg(60);
    }

    private String get(String key) {
        return redis.send(Request.cmd(Command.GET).arg(key)).await().atMost(WAIT).toString();
    }
}
