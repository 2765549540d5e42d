package votes.perf.pervote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import votes.perf.cost.IdleBurn;
import votes.perf.cost.PhaseCost;
import votes.perf.cost.RateFit;
import votes.perf.floor.FloorCost;
import votes.perf.report.Table;

/**
 * The run's figures: µs of CPU per accepted vote per component at each load level (idle burn subtracted), the idle
 * burn itself, the floor (what the parts cost alone) and floor ÷ total, and ingest against the bare endpoint measured
 * at the same rate; the same per component counted in thread runs per vote. Tables for the terminal and RESULTS.md,
 * and one machine-readable line per figure (COST, RUNS, IDLE, IDLE_RUNS, FLOOR, FLOOR_RATIO, INGEST_VS_BARE, FIT).
 *
 * @param bareAt the bare endpoint at some of the phases' offered rates (its cost under the key {@link Floors#BARE})
 */
record CostReport(List<String> components, IdleBurn idle, List<PhaseCost> phases, List<FloorCost> floor,
                  List<PhaseCost> bareAt) {

    static final String INGEST = "ingest";
    static final String TOTAL = "total";

    CostReport(List<String> components, IdleBurn idle, List<PhaseCost> phases, List<FloorCost> floor) {
        this(components, idle, phases, floor, List.of());
    }

    /** The parts' costs added up, µs per vote (each part once per vote). */
    double floorTotal() {
        return floor.stream().mapToDouble(FloorCost::totalPerOp).sum();
    }

    /** floor ÷ the stack's total µs per vote at that level (NaN without a floor or a total). */
    double ratio(PhaseCost phase) {
        return floor.isEmpty() ? Double.NaN : floorTotal() / phase.total();
    }

    /** The vote phases that have a bare-endpoint reading at their offered rate, with it. */
    List<SameRate> ingestVsBare() {
        List<SameRate> out = new ArrayList<>();
        for (PhaseCost phase : phases) {
            Double ingest = phase.microsPerVote().get(INGEST);
            double ingestRuns = phase.runsPerVote().getOrDefault(INGEST, Double.NaN);
            bareAt.stream().filter(b -> Math.abs(b.offeredRate() - phase.offeredRate()) < 0.5).findFirst()
                    .ifPresent(bare -> out.add(new SameRate(phase, ingest == null ? Double.NaN : ingest,
                            bare.microsPerVote().get(Floors.BARE), ingestRuns,
                            bare.runsPerVote().getOrDefault(Floors.BARE, Double.NaN))));
        }
        return out;
    }

    /**
     * A vote phase and the bare endpoint at its rate: µs and thread runs per accepted vote in ingest, per request in
     * the endpoint.
     */
    record SameRate(PhaseCost phase, double ingestMicros, double bareMicros, double ingestRuns, double bareRuns) {

        double ratio() {
            return ingestMicros / bareMicros;
        }
    }

    Table sameRateTable() {
        Table table = new Table("offered rate", "ingest µs per accepted vote", "bare endpoint µs per request",
                "ingest ÷ bare", "ingest thread runs per vote", "bare thread runs per request",
                "202 share of answered");
        for (SameRate r : ingestVsBare()) {
            table.row(r.phase().label(), r.ingestMicros(), r.bareMicros(),
                    String.format(Locale.ROOT, "%.1f×", r.ratio()), r.ingestRuns(), r.bareRuns(),
                    percent((double) r.phase().accepted() / r.phase().answered()));
        }
        return table;
    }

    /**
     * Thread runs per accepted vote beyond the idle runs, and the CPU per vote divided by them: what a vote costs
     * counted in hand-offs, and what each costs.
     */
    Table runsPerComponent() {
        List<String> header = new ArrayList<>(List.of("component", "idle runs/s"));
        phases.forEach(p -> {
            header.add("runs/vote " + p.label());
            header.add("µs/run " + p.label());
        });
        Table table = new Table(header.toArray(String[]::new));
        for (String c : components) {
            List<Object> row = new ArrayList<>(List.of(c, idle.runsOf(c)));
            phases.forEach(p -> {
                row.add(p.runsPerVote().get(c));
                row.add(p.microsPerVote().get(c) / p.runsPerVote().get(c));
            });
            table.row(row.toArray());
        }
        List<Object> total = new ArrayList<>(List.of("**total**", idle.totalRuns()));
        phases.forEach(p -> {
            total.add(p.totalRuns());
            total.add(p.total() / p.totalRuns());
        });
        table.row(total.toArray());
        return table;
    }

    private boolean runsMeasured() {
        return phases.stream().anyMatch(p -> !p.runsPerVote().isEmpty());
    }

    Table perComponent() {
        List<String> header = new ArrayList<>(List.of("component", "idle ms/s"));
        phases.forEach(p -> header.add("µs/vote " + p.label()));
        Table table = new Table(header.toArray(String[]::new));
        for (String c : components) {
            List<Object> row = new ArrayList<>(List.of(c, idle.of(c) / 1e3));
            phases.forEach(p -> row.add(p.microsPerVote().get(c)));
            table.row(row.toArray());
        }
        List<Object> total = new ArrayList<>(List.of("**total**", idle.total() / 1e3));
        phases.forEach(p -> total.add(p.total()));
        table.row(total.toArray());
        addRow(table, "offered votes/s", p -> p.offeredRate());
        addRow(table, "accepted votes (202)", p -> (Object) p.accepted());
        addRow(table, "202 share of answered", p -> percent((double) p.accepted() / p.answered()));
        // When ingest sheds, the refused requests' CPU is charged to the accepted votes: this row shows it spread.
        addRow(table, "total µs per answered request", p -> p.total() * p.accepted() / p.answered());
        addRow(table, "window s (aftermath settled)", p -> String.format(Locale.ROOT, "%.1f (%s)", p.seconds(),
                p.settled() ? "yes" : "NO"));
        if (!floor.isEmpty()) {
            addRow(table, "floor ÷ total", p -> percent(ratio(p)));
        }
        return table;
    }

    /**
     * Each component's µs per vote against the rate the phases served, as per vote + per second / rate ({@link
     * RateFit}), and the whole stack's under {@link #TOTAL}; empty unless the phases served two rates or more. The rate
     * served is the offered one times the share accepted, so a phase that shed is placed where it ran.
     */
    Map<String, RateFit> fits() {
        // A phase that accepted nothing has no cost per vote to place.
        List<PhaseCost> served = phases.stream().filter(p -> p.accepted() > 0).toList();
        double[] rates = served.stream().mapToDouble(p -> p.offeredRate() * p.accepted() / p.answered()).toArray();
        if (Arrays.stream(rates).distinct().count() < 2) {
            return Map.of();
        }
        Map<String, RateFit> fits = new LinkedHashMap<>();
        for (String c : components) {
            double[] micros = served.stream().mapToDouble(p -> p.microsPerVote().get(c)).toArray();
            fits.put(c, RateFit.leastSquares(rates, micros));
        }
        fits.put(TOTAL, RateFit.leastSquares(rates, served.stream().mapToDouble(PhaseCost::total).toArray()));
        return fits;
    }

    static Table fitTable(Map<String, RateFit> fits) {
        Table table = new Table("component", "µs per vote", "ms per second", "r²");
        fits.forEach((c, fit) -> table.row(c, fit.perVoteMicros(), fit.perSecondMicros() / 1e3, fit.rSquared()));
        return table;
    }

    Table floorTable() {
        Table table = new Table("floor part", "how", "ops", "client µs/op", "server µs/op", "µs/op");
        for (FloorCost f : floor) {
            table.row(f.part(), f.how(), f.ops(), f.clientPerOp(), f.serverPerOp(), f.totalPerOp());
        }
        table.row("**floor (sum)**", "each part once per vote", "-", "-", "-", floorTotal());
        return table;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("CPU per accepted vote by component (µs; process tree utime+stime, idle burn subtracted):\n")
                .append(perComponent().render());
        if (runsMeasured()) {
            out.append("\nThread runs per accepted vote by component (/proc/<pid>/task/*/schedstat, idle runs"
                    + " subtracted; µs/run = µs/vote ÷ runs/vote):\n").append(runsPerComponent().render());
        }
        Map<String, RateFit> fits = fits();
        if (!fits.isEmpty()) {
            out.append("\nµs per vote against the rate served, fitted as per vote + per second / rate (least squares"
                    + " over the phases; perf/CAPACITY.md sizes tiers with it):\n").append(fitTable(fits).render());
        }
        if (!floor.isEmpty()) {
            out.append("\nThe floor, measured in the same run (µs of CPU per operation):\n").append(floorTable().render());
        }
        if (!ingestVsBare().isEmpty()) {
            out.append("\nIngest against the bare endpoint at the same offered rate (server CPU, idle burn subtracted):\n")
                    .append(sameRateTable().render());
        }
        for (PhaseCost p : phases) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "COST label=%s offered=%.0f accepted=%d answered=%d window_s=%.1f settled=%s total_us=%.1f",
                    p.label(), p.offeredRate(), p.accepted(), p.answered(), p.seconds(), p.settled(), p.total()));
            components.forEach(c -> line.append(String.format(Locale.ROOT, " %s=%.1f", c, p.microsPerVote().get(c))));
            out.append(line).append('\n');
        }
        if (runsMeasured()) {
            for (PhaseCost p : phases) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "RUNS label=%s total_runs=%.2f",
                        p.label(), p.totalRuns()));
                components.forEach(c -> line.append(String.format(Locale.ROOT, " %s=%.2f", c, p.runsPerVote().get(c))));
                out.append(line).append('\n');
            }
        }
        out.append(String.format(Locale.ROOT, "IDLE total_ms_per_s=%.1f%n", idle.total() / 1e3));
        if (runsMeasured()) {
            out.append(String.format(Locale.ROOT, "IDLE_RUNS total_runs_per_s=%.1f%n", idle.totalRuns()));
        }
        for (FloorCost f : floor) {
            out.append(String.format(Locale.ROOT, "FLOOR part=\"%s\" ops=%d client_us=%.2f server_us=%.2f us=%.2f%n",
                    f.part(), f.ops(), f.clientPerOp(), f.serverPerOp(), f.totalPerOp()));
        }
        if (!floor.isEmpty()) {
            for (PhaseCost p : phases) {
                out.append(String.format(Locale.ROOT, "FLOOR_RATIO label=%s floor_us=%.1f total_us=%.1f ratio=%.3f%n",
                        p.label(), floorTotal(), p.total(), ratio(p)));
            }
        }
        for (SameRate r : ingestVsBare()) {
            out.append(String.format(Locale.ROOT, "INGEST_VS_BARE label=%s offered=%.0f ingest_us=%.1f bare_us=%.1f"
                            + " ratio=%.2f ingest_runs=%.2f bare_runs=%.2f%n", r.phase().label(), r.phase().offeredRate(),
                    r.ingestMicros(), r.bareMicros(), r.ratio(), r.ingestRuns(), r.bareRuns()));
        }
        fits.forEach((c, fit) -> out.append(String.format(Locale.ROOT,
                "FIT component=%s per_vote_us=%.1f per_second_ms=%.1f r2=%.2f%n", c, fit.perVoteMicros(),
                fit.perSecondMicros() / 1e3, fit.rSquared())));
        return out.toString();
    }

    private void addRow(Table table, String name, java.util.function.Function<PhaseCost, Object> cell) {
        List<Object> row = new ArrayList<>(List.of(name, "-"));
        phases.forEach(p -> row.add(cell.apply(p)));
        table.row(row.toArray());
    }

    private static String percent(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }
}
