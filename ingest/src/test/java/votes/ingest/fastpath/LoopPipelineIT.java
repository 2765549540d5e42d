package votes.ingest.fastpath;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import votes.ingest.it.IngestStackResource;

/**
 * The calls one event loop makes in one turn, on the real Redis, through a client whose pool holds ONE connection and
 * lets no request wait for it: calls that each took a connection would be refused but the first.
 */
@QuarkusTest
@WithTestResource(IngestStackResource.class)
class LoopPipelineIT {

    private static final RedisScript ECHO = RedisScript.load("votes/ingest/fastpath/echo-first-arg.lua");
    private static final int CALLS = 20;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Vertx vertx;

    @Inject
    RedisOptionsCopy options;

    @Inject
    Redis shared;

    private ContextInternal loop;
    private Redis oneConnection;

    @BeforeEach
    void oneConnectionOnALoop() throws Exception {
        loop = ((VertxInternal) vertx.getDelegate()).createEventLoopContext();
        RedisOptions single = options.defaultClient().orElseThrow().setMaxPoolSize(1).setMaxPoolWaiting(0);
        oneConnection = on(loop, () -> Redis.createClient(vertx, single));
    }

    @AfterEach
    void close() {
        oneConnection.close();
    }

    @Test
    void theCallsOfOneTurnShareOneConnectionAndEachGetsItsOwnReply() throws Exception {
        LoopPipeline pipeline = new LoopPipeline(loop, oneConnection);
        List<String> keys = keys(CALLS);

        // Every other call has a command behind it: the replies in between must not shift the others.
        List<String> replies = inOneTurn(keys, (key, i) -> i % 2 == 0
                ? pipeline.runThen(ECHO, List.of(key), List.of("reply-" + i), set(key, "value-" + i))
                : pipeline.runThen(ECHO, List.of(key), List.of("reply-" + i), null));

        for (int i = 0; i < CALLS; i++) {
            assertThat(replies.get(i)).isEqualTo("reply-" + i);
            assertThat(get(keys.get(i))).isEqualTo(i % 2 == 0 ? "value-" + i : null);
        }
    }

    @Test
    void eachCallIsAnsweredOnTheContextItWasMadeFrom() throws Exception {
        LoopPipeline pipeline = new LoopPipeline(loop, oneConnection);
        ContextInternal request = loop.duplicate();
        String key = keys(1).get(0);
        CompletableFuture<Object> answeredOn = new CompletableFuture<>();
        request.runOnContext(ignored -> pipeline.runThen(ECHO, List.of(key), List.of("x"), null).subscribe().with(
                reply -> answeredOn.complete(io.vertx.core.Vertx.currentContext()), answeredOn::completeExceptionally));

        assertThat(answeredOn.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the request's own context, not the loop's")
                .isSameAs(request);
    }

    @Test
    void theSameCallsSentOneByOneNeedAConnectionEach() throws Exception {
        List<String> keys = keys(CALLS);

        List<String> replies = inOneTurn(keys, (key, i) -> ECHO.runThen(oneConnection, List.of(key),
                List.of("reply-" + i), set(key, "value-" + i)));

        assertThat(replies).as("the pool refuses the calls that find its one connection taken")
                .contains("reply-0").contains("refused");
    }

    @Test
    void afterRedisLostItsScriptsTheTurnGoesAgainWithTheSources() throws Exception {
        LoopPipeline pipeline = new LoopPipeline(loop, oneConnection);
        List<String> keys = keys(3);
        shared.send(Request.cmd(Command.SCRIPT).arg("FLUSH")).await().atMost(WAIT);

        List<String> replies = inOneTurn(keys, (key, i) -> pipeline.runThen(ECHO, List.of(key), List.of("reply-" + i),
                set(key, "value-" + i)));

        assertThat(replies).containsExactly("reply-0", "reply-1", "reply-2");
        assertThat(get(keys.get(2))).isEqualTo("value-2");
    }

    @Test
    void aRefusedCommandFailsEveryCallOfItsTurn() throws Exception {
        LoopPipeline pipeline = new LoopPipeline(loop, oneConnection);
        List<String> keys = keys(3);
        shared.send(set(keys.get(1), "not a number")).await().atMost(WAIT);

        List<String> replies = inOneTurn(keys, (key, i) -> pipeline.runThen(ECHO, List.of(key), List.of("reply-" + i),
                i == 1 ? Request.cmd(Command.INCR).arg(key) : set(key, "value-" + i)));

        assertThat(replies).containsExactly("refused", "refused", "refused");
    }

    /** Every call subscribed in one task on the loop; each one's reply, or "refused" when it failed. */
    private List<String> inOneTurn(List<String> keys, BiFunction<String, Integer, Uni<Response>> call)
            throws Exception {
        List<CompletableFuture<String>> answers = new ArrayList<>();
        keys.forEach(key -> answers.add(new CompletableFuture<>()));
        loop.runOnContext(ignored -> {
            for (int i = 0; i < keys.size(); i++) {
                CompletableFuture<String> answer = answers.get(i);
                call.apply(keys.get(i), i).subscribe().with(reply -> answer.complete(reply.toString()),
                        failure -> answer.complete("refused"));
            }
        });
        List<String> replies = new ArrayList<>();
        for (CompletableFuture<String> answer : answers) {
            replies.add(answer.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        return replies;
    }

    private static List<String> keys(int count) {
        String prefix = "it:loop-pipeline:" + UUID.randomUUID() + ":";
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(prefix + i);
        }
        return keys;
    }

    private static Request set(String key, String value) {
        return Request.cmd(Command.SET).arg(key).arg(value).arg("EX").arg(60);
    }

    /** Null when the key is not there. */
    private String get(String key) {
        Response value = shared.send(Request.cmd(Command.GET).arg(key)).await().atMost(WAIT);
        return value == null ? null : value.toString();
    }

    private static <T> T on(ContextInternal context, Supplier<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> result.complete(task.get()));
        return result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
