package votes.ingest.overload;

import java.time.Duration;

/**
 * When a vote request must have its answer: {@code vote.overload.deadline} after it reached the router. Past it no
 * new work starts for the request (it is shed), and a wait for the log's ack ends at it. In {@link System#nanoTime()}.
 */
public record Deadline(long atNanos) {

    // A wait of zero would never time out in Mutiny; the shortest wait we hand out.
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(1);

    public static Deadline after(long startNanos, Duration budget) {
        return new Deadline(startNanos + budget.toNanos());
    }

    public boolean passed() {
        return passedAt(System.nanoTime());
    }

    boolean passedAt(long nowNanos) {
        return nowNanos - atNanos >= 0;
    }

    /** What is left of the budget, but no more than {@code cap} and at least a millisecond. */
    public Duration remaining(Duration cap) {
        return remainingAt(System.nanoTime(), cap);
    }

    Duration remainingAt(long nowNanos, Duration cap) {
        Duration left = Duration.ofNanos(atNanos - nowNanos);
        if (left.compareTo(cap) > 0) {
            return cap;
        }
        return left.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : left;
    }
}
