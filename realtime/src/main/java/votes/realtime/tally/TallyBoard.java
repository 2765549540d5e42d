package votes.realtime.tally;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import votes.events.tally.Tally;

/**
 * The latest tally of every poll this instance has read. Only ever moves forward: a tally whose version is
 * not newer than the one held (a redelivery, or an older record read after a newer one) is ignored, so no
 * reader of the board ever sees a count go backwards.
 */
@ApplicationScoped
public class TallyBoard {

    private final Map<String, Tally> latest = new ConcurrentHashMap<>();
    /** Readers waiting for a poll's first tally (a poll created a moment ago). */
    private final Map<String, CompletableFuture<Tally>> firstTally = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<Tally>> listeners = new CopyOnWriteArrayList<>();

    /** @return true when the tally was newer and replaced the held one (listeners were told) */
    public boolean accept(Tally tally) {
        boolean[] replaced = {false};
        latest.compute(tally.pollId(), (id, held) -> {
            if (tally.isNewerThan(held)) {
                replaced[0] = true;
                return tally;
            }
            return held;
        });
        if (!replaced[0]) {
            return false;
        }
        CompletableFuture<Tally> waiting = firstTally.remove(tally.pollId());
        if (waiting != null) {
            waiting.complete(tally);
        }
        listeners.forEach(listener -> listener.accept(tally));
        return true;
    }

    public Optional<Tally> get(String pollId) {
        return Optional.ofNullable(latest.get(pollId));
    }

    /** Completes with the poll's tally as soon as one is known (at once if it is); never fails by itself. */
    public CompletableFuture<Tally> first(String pollId) {
        Tally known = latest.get(pollId);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<Tally> waiting = firstTally.computeIfAbsent(pollId, id -> new CompletableFuture<>());
        // accept() may have run between the first look and the registration: look again.
        Tally arrived = latest.get(pollId);
        if (arrived != null) {
            firstTally.remove(pollId, waiting);
            waiting.complete(arrived);
        }
        return waiting;
    }

    /** A waiter that gave up: forget its future so unknown ids do not pile up. */
    public void forget(String pollId, CompletableFuture<Tally> waiting) {
        if (!waiting.isDone()) {
            firstTally.remove(pollId, waiting);
        }
    }

    /** Called (on the consumer's thread) with every tally that moved a poll forward. */
    public void onChange(Consumer<Tally> listener) {
        listeners.add(listener);
    }

    public int polls() {
        return latest.size();
    }
}
