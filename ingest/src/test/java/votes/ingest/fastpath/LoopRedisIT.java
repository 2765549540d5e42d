package votes.ingest.fastpath;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import votes.ingest.it.IngestStackResource;

/** On the real Redis of the ingest test stack. */
@QuarkusTest
@WithTestResource(IngestStackResource.class)
class LoopRedisIT {

    @Inject
    LoopRedis redis;

    @Inject
    Redis shared;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry metrics;

    @Test
    void eachEventLoopHasAClientOfItsOwnThatAnswersAndOtherThreadsGetQuarkusClient() throws Exception {
        VertxInternal core = (VertxInternal) vertx.getDelegate();
        ContextInternal[] loops = twoEventLoops();
        ContextInternal first = loops[0];
        ContextInternal second = loops[1];
        assertThat(second.nettyEventLoop()).as("the test stack runs more than one event loop")
                .isNotSameAs(first.nettyEventLoop());

        Redis onFirst = on(first, redis::client);
        Redis onFirstAgain = on(core.createEventLoopContext(first.nettyEventLoop(), null, null), redis::client);
        Redis onSecond = on(second, redis::client);
        assertThat(onFirst).as("one client per loop, whichever context asks").isSameAs(onFirstAgain);
        assertThat(onFirst).isNotSameAs(onSecond).isNotSameAs(shared);
        assertThat(onSecond).isNotSameAs(shared);
        assertThat(redis.client()).as("off the event loops").isSameAs(shared);

        for (ContextInternal loop : new ContextInternal[] {first, second}) {
            assertThat(ping(loop)).isEqualTo("PONG");
        }
    }

    @Test
    void eachEventLoopsClientReportsItsPoolAndConnectionsUnderItsOwnName() throws Exception {
        for (ContextInternal loop : twoEventLoops()) {
            assertThat(ping(loop)).isEqualTo("PONG");
        }
        assertThat(shared.send(Request.cmd(Command.PING)).await().indefinitely().toString()).isEqualTo("PONG");

        // Quarkus' client and the two loops' clients: three pools and three connection sets, each its own gauge.
        assertThat(namesOf("redis.pool.queue.size", "pool.name")).hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(name -> !name.contains("-loop-")).anyMatch(name -> name.contains("-loop-"));
        assertThat(namesOf("redis.queue.size", "clientName")).hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(name -> !name.contains("-loop-")).anyMatch(name -> name.contains("-loop-"));
    }

    /** Contexts on two different event loops (the test stack runs more than one), or the same loop twice. */
    private ContextInternal[] twoEventLoops() {
        VertxInternal core = (VertxInternal) vertx.getDelegate();
        ContextInternal first = core.createEventLoopContext();
        ContextInternal second = core.createEventLoopContext();
        for (int i = 0; i < 16 && second.nettyEventLoop() == first.nettyEventLoop(); i++) {
            second = core.createEventLoopContext();
        }
        return new ContextInternal[] {first, second};
    }

    private Set<String> namesOf(String gauge, String tag) {
        return metrics.find(gauge).gauges().stream().map(Gauge::getId).map(id -> id.getTag(tag))
                .collect(Collectors.toSet());
    }

    private static <T> T on(ContextInternal context, Supplier<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> result.complete(task.get()));
        return result.get(10, TimeUnit.SECONDS);
    }

    /** A PING sent from that loop through its client; the reply awaited here, not on the loop. */
    private String ping(ContextInternal loop) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        loop.runOnContext(v -> redis.client().send(Request.cmd(Command.PING)).subscribe()
                .with(reply -> answer.complete(reply.toString()), answer::completeExceptionally));
        return answer.get(10, TimeUnit.SECONDS);
    }
}
