package votes.infra.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Components that start or stop at the same moment, a thread each (not a parallel stream, whose pool has one thread
 * per spare core): the nodes of a Kafka cluster need a controller majority both to come up and to shut down cleanly,
 * so they must not wait for one another; the services stop together so none outlives what it flushes to.
 */
public record Tier(List<? extends Component> members) {

    /** @return per component name, what its start did; the first failure is rethrown once all have ended */
    public Map<String, String> start() {
        return each(Component::start, "start-");
    }

    /** @return per component name, whether something was running */
    public Map<String, Boolean> stop() {
        return each(Component::stop, "stop-");
    }

    private <R> Map<String, R> each(Function<Component, R> action, String threadPrefix) {
        Map<String, Supplier<R>> steps = new LinkedHashMap<>();
        members.forEach(member -> steps.put(member.name(), () -> action.apply(member)));
        return together(threadPrefix, steps);
    }

    /**
     * Runs every step at once, each on a thread of its own named {@code threadPrefix + name}, and waits for all of
     * them: a start step that mostly waits (a JVM getting ready, a broker electing) then costs the longest step's time,
     * not the sum.
     *
     * @return per step name, what it returned; the first failure is rethrown once all have ended
     */
    public static <R> Map<String, R> together(String threadPrefix, Map<String, ? extends Supplier<R>> steps) {
        Map<String, CompletableFuture<R>> running = new LinkedHashMap<>();
        steps.forEach((name, step) -> {
            CompletableFuture<R> result = new CompletableFuture<>();
            new Thread(() -> {
                try {
                    result.complete(step.get());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }, threadPrefix + name).start();
            running.put(name, result);
        });
        try {
            CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Map<String, R> results = new LinkedHashMap<>();
        running.forEach((name, result) -> results.put(name, result.join()));
        return results;
    }
}
