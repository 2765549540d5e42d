package votes.ingest.warmup;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.opentelemetry.context.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * One part of the warm-up: steps 0 .. count-1 spread over every event loop, a few in progress at once on each (as a
 * loaded instance has them), each next step started on its loop once one ends. Counts how the steps ended.
 */
final class OnEveryLoop {

    private final int count;
    private final IntFunction<CompletionStage<String>> step;
    private final BooleanSupplier stop;
    private final AtomicInteger next = new AtomicInteger();
    private final LongAdder run = new LongAdder();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private volatile int chains;

    /**
     * @param step step i, on its event loop; completes with how it ended (failures count by their exception's name)
     * @param stop checked before each next step: true ends the part early
     */
    OnEveryLoop(int count, IntFunction<CompletionStage<String>> step, BooleanSupplier stop) {
        this.count = count;
        this.step = step;
        this.stop = stop;
    }

    /**
     * Starts {@code perLoop} chains of steps on each event loop; completes once every chain has ended. Every chain
     * runs in a trace that is not sampled: the warm-up is no client's, so neither its Redis calls nor its requests (nor
     * the server's spans of them, whose parent is this trace) may reach the trace backend, at any sampling rate.
     */
    CompletableFuture<Void> run(Vertx vertx, int perLoop) {
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        VertxInternal internal = (VertxInternal) vertx;
        Context unsampled = UnsampledTrace.context();
        for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
            ContextInternal context = internal.createEventLoopContext((EventLoop) loop, null,
                    Thread.currentThread().getContextClassLoader());
            for (int c = 0; c < perLoop; c++) {
                CompletableFuture<Void> chain = new CompletableFuture<>();
                ContextInternal own = context.duplicate();
                own.runOnContext(ignored -> {
                    // Attached to the chain's own (duplicated) context for its whole life: never detached.
                    unsampled.makeCurrent();
                    nextStep(own, chain);
                });
                chains.add(chain);
            }
        }
        this.chains = chains.size();
        return CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new));
    }

    /** The chains the last {@link #run} started: at most this many of its steps were in progress at once. */
    int chains() {
        return chains;
    }

    long run() {
        return run.sum();
    }

    Map<String, Long> outcomes() {
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((outcome, n) -> counts.put(outcome, n.sum()));
        return counts;
    }

    private void nextStep(ContextInternal context, CompletableFuture<Void> chain) {
        int i = next.getAndIncrement();
        if (i >= count || stop.getAsBoolean()) {
            chain.complete(null);
            return;
        }
        step.apply(i).whenComplete((how, failure) -> {
            run.increment();
            Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : failure;
            String outcome = cause == null ? how : cause.getClass().getSimpleName();
            outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
            // Back on the chain's loop (a timed-out wait ends on another thread), and never recursively.
            context.runOnContext(ignored -> nextStep(context, chain));
        });
    }
}
