package votes.perf.report;

/**
 * What "shed, don't queue" promises at a rate far past the maximum (issue 8): every request is answered as
 * designed (202, 429 or 503, none left without an answer) and the 202s keep their p99 under a bound (200 ms).
 */
public record OverloadGoal(double acceptedP99Millis) {

    public static final OverloadGoal DEFAULT = new OverloadGoal(200);

    public boolean met(PhaseResult r) {
        StatusCounts c = r.counts();
        return c.total() > 0 && c.answeredAsDesigned() == c.total() && c.accepted() > 0
                && r.acceptedLatency().p99() < acceptedP99Millis;
    }
}
