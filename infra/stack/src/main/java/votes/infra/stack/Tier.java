package votes.infra.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

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
        Map<String, CompletableFuture<R>> running = new LinkedHashMap<>();
        for (Component member : members) {
            CompletableFuture<R> result = new CompletableFuture<>();
            new Thread(() -> {
                try {
                    result.complete(action.apply(member));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }, threadPrefix + member.name()).start();
            running.put(member.name(), result);
        }
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
