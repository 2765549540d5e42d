package votes.perf.capacity;

/**
 * The M/M/c queue: Poisson arrivals, exponential service, c servers (here: the cores of one pod, the CPU time of a
 * vote in that tier as the service time). It answers the question arithmetic does not: how busy may a pod run
 * before a vote waits for a core long enough to matter for the p99.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /**
     * Probability that an arrival finds all {@code servers} busy and waits (Erlang C).
     *
     * @param offered the offered load in Erlangs, λ/μ; must be below {@code servers} (else the queue grows for ever)
     */
    public static double waitProbability(int servers, double offered) {
        if (servers < 1 || offered < 0 || offered >= servers) {
            throw new IllegalArgumentException("need 0 <= offered < servers, got " + offered + " on " + servers);
        }
        // Erlang B by its recursion (stable for thousands of servers, unlike the factorial form), then B -> C.
        double blocking = 1.0;
        for (int k = 1; k <= servers; k++) {
            blocking = offered * blocking / (k + offered * blocking);
        }
        return servers * blocking / (servers - offered * (1 - blocking));
    }

    /**
     * The {@code quantile} of the time an arrival waits for a server, in seconds: P(W > t) = C · e^{-(cμ-λ)t}, so
     * it is 0 while fewer than 1 − quantile of arrivals wait at all.
     */
    public static double waitQuantile(int servers, double arrivalRate, double serviceRate, double quantile) {
        double waiting = waitProbability(servers, arrivalRate / serviceRate);
        double tail = 1 - quantile;
        if (waiting <= tail) {
            return 0;
        }
        return Math.log(waiting / tail) / (servers * serviceRate - arrivalRate);
    }

    /** Utilisation of each server, λ / (cμ). */
    public static double utilisation(int servers, double arrivalRate, double serviceRate) {
        return arrivalRate / (servers * serviceRate);
    }
}
