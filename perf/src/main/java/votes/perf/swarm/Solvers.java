package votes.perf.swarm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import votes.events.challenge.ChallengeRequired;

/**
 * Where proofs are computed (with events' Hashcash, the code ingest verifies with): off the event loop, one thread
 * for people and one for bots, so a bot farm's queue of 22-bit puzzles never delays a person's proof (a person's
 * browser does not share a CPU with the farm). What is timed is the search's CPU time (not the wait in the queue nor
 * the time the thread was preempted): the figure the browser model scales must not depend on how busy the
 * generator's core was.
 */
final class Solvers implements AutoCloseable {

    /** A proof and the CPU time its search took. */
    record Solved(String proof, double millis) {
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final ExecutorService people = Executors.newSingleThreadExecutor(r -> daemon(r, "swarm-solver-people"));
    private final ExecutorService bots = Executors.newSingleThreadExecutor(r -> daemon(r, "swarm-solver-bots"));

    CompletableFuture<Solved> solve(ChallengeRequired.Challenge challenge, boolean person) {
        return CompletableFuture.supplyAsync(() -> {
            long start = CPU.getCurrentThreadCpuTime();
            String proof = challenge.solve();
            return new Solved(proof, (CPU.getCurrentThreadCpuTime() - start) / 1e6);
        }, person ? people : bots);
    }

    @Override
    public void close() {
        people.shutdownNow();
        bots.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
