package votes.perf.report;

/** What "sustained" means for a rate: p99 under a bound and few errors (defaults: 100 ms, 0.1 %). */
public record Slo(double p99Millis, double maxErrorRate) {

    public static final Slo DEFAULT = new Slo(100, 0.001);

    public boolean passes(PhaseResult r) {
        return r.latency().count() > 0 && r.latency().p99() < p99Millis && r.counts().errorRate() < maxErrorRate
                && r.counts().unfinished() == 0;
    }
}
