package votes.perf.swarm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import votes.perf.report.Table;

/**
 * The swarm's figures as Markdown tables for perf/RESULTS.md: one row per bot strategy (counts, the share refused or
 * flagged, target met or missed) and rows for people (refused, challenged above 18 bits, latency against the
 * baseline). The people's latency target is about what the defence itself adds to a person's vote, so its row is
 * the defended phase (people alone, defence on) against the baseline (people alone, defence off); the measured
 * phase's people (with the swarm, defence on) are reported beside it as "under attack", which also carries the
 * swarm's load on the machine. Pure: from the phases' results.
 */
public final class SwarmReport {

    static final String DEFENCE_COST = "defence's cost";
    static final String UNDER_ATTACK = "under attack";
    static final String BASELINE = "baseline";

    /** One row of the people's table: whose people, and whether its p99 added is the one the target is about. */
    public record PeopleRow(String label, HumanFigures figures, boolean latencyTarget) {
    }

    private final List<StrategyTally> bots;
    private final List<PeopleRow> people;
    private final boolean flagsRead;

    /** @param flagsRead false when votes.flags could not be read: "flagged" then reads n/a, not 0 */
    public SwarmReport(List<VoteResult> results, List<PeopleRow> people, boolean flagsRead) {
        this.bots = Arrays.stream(Strategy.values()).filter(Strategy::bot).map(s -> StrategyTally.of(s, results))
                .filter(t -> t.attempted() > 0).toList();
        this.people = List.copyOf(people);
        this.flagsRead = flagsRead;
    }

    /**
     * A phase's report. Baseline: its own people (the reference). Defended: the defence's cost (its people against
     * the baseline's). Measured: the defence's cost (the defended phase's people, when given) and under attack (its
     * own people against the baseline's).
     *
     * @param baseline the baseline phase's people (empty when not given: the added figures read "-", and the latency
     *                 target is not claimed)
     * @param defended the defended phase's people (measured phase only; empty when not given)
     */
    public static SwarmReport of(Phase phase, List<VoteResult> results, List<PersonVote> baseline,
                                 List<PersonVote> defended, boolean flagsRead) {
        List<PersonVote> own = PersonVote.people(results);
        List<PeopleRow> rows = new ArrayList<>();
        switch (phase) {
            case BASELINE -> rows.add(new PeopleRow(BASELINE, HumanFigures.of(own, own), false));
            case DEFENDED -> rows.add(new PeopleRow(DEFENCE_COST, HumanFigures.of(own, baseline), true));
            case MEASURED -> {
                if (!defended.isEmpty()) {
                    rows.add(new PeopleRow(DEFENCE_COST, HumanFigures.of(defended, baseline), true));
                }
                rows.add(new PeopleRow(UNDER_ATTACK, HumanFigures.of(own, baseline), false));
            }
            default -> throw new IllegalArgumentException("no report for the " + phase + " phase");
        }
        return new SwarmReport(results, rows, flagsRead);
    }

    public List<StrategyTally> bots() {
        return bots;
    }

    public List<PeopleRow> people() {
        return people;
    }

    /**
     * Whether every target holds (the exempt strategy aside): the bots', people refused in every row, and the p99
     * added of the defence's cost row, which must be there (without it the latency target is not claimed).
     */
    public boolean allMet() {
        List<PeopleRow> targetRows = people.stream().filter(PeopleRow::latencyTarget).toList();
        return bots.stream().allMatch(t -> t.botTargetMet().orElse(true))
                && people.stream().allMatch(r -> r.figures().refusedTargetMet())
                && !targetRows.isEmpty() && targetRows.stream().allMatch(r -> r.figures().addedLatencyTargetMet());
    }

    public String render() {
        return (bots.isEmpty() ? "" : botTable().render() + "\n") + peopleTable().render();
    }

    private Table botTable() {
        Table table = new Table("strategy", "attempted", "202", "429", "unsolved", "other", "failed", "flagged",
                "accepted %", "flagged %", "refused or flagged %", "target ≥ 95 %");
        for (StrategyTally t : bots) {
            table.row(t.strategy().slug(), t.attempted(), t.accepted(), t.refused(), t.unsolved(), t.other(),
                    t.failed(), flagsRead ? t.flagged() : "n/a", percent(t.acceptedShare()),
                    flagsRead ? percent(t.flaggedShare()) : "n/a", percent(t.stoppedShare()),
                    t.botTargetMet().map(SwarmReport::verdict).orElse("exempt (slowest)"));
        }
        return table;
    }

    private Table peopleTable() {
        Table table = new Table("people", "attempted", "refused %", "other %", "challenged > 18 bits %", "flagged %",
                "p50 ms", "p50 added ms", "p99 ms", "p99 ms, 1st / 2nd half", "p99 ms, alone + defence off",
                "p99 added ms", "p99 added, 95 % interval", "p99 challenge cost ms", "target refused ≤ 0.5 %",
                "target p99 added < 50 ms");
        for (PeopleRow row : people) {
            HumanFigures h = row.figures();
            AddedLatency l = h.latency();
            table.row(row.label(), h.attempted(), percent(h.refusedShare()), percent(h.otherShare()),
                    percent(h.hardChallengeShare()), flagsRead ? percent(h.flaggedShare()) : "n/a", l.p50(),
                    l.p50Added(), l.p99(), halves(h), l.baselineP99(), l.p99Added(), interval(l),
                    h.challengeCost().p99(),
                    verdict(h.refusedTargetMet()), row.latencyTarget() ? latencyVerdict(h) : "not the target");
        }
        return table;
    }

    /** met/MISSED on the p99 added, and whether the bootstrap interval reaches across the target. */
    static String latencyVerdict(HumanFigures h) {
        if (Double.isNaN(h.latency().p99Added())) {
            return "n/a (no baseline)";
        }
        return verdict(h.addedLatencyTargetMet()) + (h.addedLatencyVerdictAboveNoise() ? "" : ", noise spans 50");
    }

    static String interval(AddedLatency l) {
        return Double.isNaN(l.p99AddedLow()) ? "-"
                : String.format(Locale.ROOT, "%.1f … %.1f", l.p99AddedLow(), l.p99AddedHigh());
    }

    private static String halves(HumanFigures h) {
        return Double.isNaN(h.p99FirstHalf()) ? "-"
                : String.format(Locale.ROOT, "%.0f / %.0f", h.p99FirstHalf(), h.p99SecondHalf());
    }

    static String percent(double share) {
        // Two decimals below 1 %: the people's target is 0.5 %.
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, share < 0.01 ? "%.2f" : "%.1f", share * 100);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
