package votes.perf.swarm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import votes.perf.report.Table;

/**
 * The swarm's figures as Markdown tables for perf/RESULTS.md: one row per bot strategy (counts, the share refused or
 * flagged, target met or missed) and one for people (refused, challenged above 18 bits, latency against the
 * baseline). Pure: from the results of the two phases.
 */
public final class SwarmReport {

    private final List<StrategyTally> bots;
    private final HumanFigures humans;
    private final boolean flagsRead;

    /** @param flagsRead false when votes.flags could not be read: "flagged" then reads n/a, not 0 */
    public SwarmReport(List<VoteResult> measured, List<Double> baselineHumanMillis, boolean flagsRead) {
        this.bots = Arrays.stream(Strategy.values()).filter(Strategy::bot).map(s -> StrategyTally.of(s, measured))
                .filter(t -> t.attempted() > 0).toList();
        this.humans = HumanFigures.of(measured, baselineHumanMillis);
        this.flagsRead = flagsRead;
    }

    public List<StrategyTally> bots() {
        return bots;
    }

    public HumanFigures humans() {
        return humans;
    }

    /** Whether every target holds (the exempt strategy aside). */
    public boolean allMet() {
        return bots.stream().allMatch(t -> t.botTargetMet().orElse(true)) && humans.refusedTargetMet()
                && humans.addedLatencyTargetMet();
    }

    public String render() {
        Table botTable = new Table("strategy", "attempted", "202", "429", "unsolved", "other", "failed", "flagged",
                "accepted %", "flagged %", "refused or flagged %", "target ≥ 95 %");
        for (StrategyTally t : bots) {
            botTable.row(t.strategy().slug(), t.attempted(), t.accepted(), t.refused(), t.unsolved(), t.other(),
                    t.failed(), flagsRead ? t.flagged() : "n/a", percent(t.acceptedShare()),
                    flagsRead ? percent(t.flaggedShare()) : "n/a", percent(t.stoppedShare()),
                    t.botTargetMet().map(SwarmReport::verdict).orElse("exempt (slowest)"));
        }
        HumanFigures h = humans;
        Table humanTable = new Table("people", "attempted", "refused %", "other %", "challenged > 18 bits %", "flagged %",
                "p50 ms", "p99 ms", "p99 ms, defence off", "p99 added ms", "p99 challenge cost ms", "target refused ≤ 0.5 %",
                "target p99 added < 50 ms");
        humanTable.row("human", h.attempted(), percent(h.refusedShare()), percent(h.otherShare()),
                percent(h.hardChallengeShare()),
                flagsRead ? percent(h.flaggedShare()) : "n/a", h.latency().p50(), h.latency().p99(),
                h.baseline().p99(), h.addedP99Millis(), h.challengeCost().p99(), verdict(h.refusedTargetMet()),
                verdict(h.addedLatencyTargetMet()));
        return botTable.render() + "\n" + humanTable.render();
    }

    static String percent(double share) {
        // Two decimals below 1 %: the people's target is 0.5 %.
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, share < 0.01 ? "%.2f" : "%.1f", share * 100);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
