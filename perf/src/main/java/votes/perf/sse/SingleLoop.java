package votes.perf.sse;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Vert.x with exactly one event loop, for clients whose bookkeeping is single-threaded (probe book, spread
 * book): every callback of its clients runs on that one thread, and {@link #call} runs the caller's reads and
 * writes of the books there too, so nothing is shared between threads.
 */
public final class SingleLoop implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(false));

    public Vertx vertx() {
        return vertx;
    }

    /** Runs {@code work} on the loop and waits (bounded) for its answer. */
    public <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(2, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }
}
