package votes.perf.capacity;

import java.util.ArrayList;
import java.util.List;
import votes.perf.cost.RateFit;
import votes.perf.report.Table;

/**
 * Prints perf/CAPACITY.md's tables from the measured inputs ({@link Measured}): cores and pods per tier at the
 * design peak and at the 1.5× test, the M/M/c wait per pod, the stores (Kafka, PostgreSQL shards, Redis), fan-out,
 * network and cost. Run: {@code java -cp perf/target/classes:<events + deps> votes.perf.capacity.CapacityModel}.
 */
public final class CapacityModel {

    public static final double PEAK = 250_000;
    public static final double TEST = 375_000;
    public static final Headroom HEADROOM = new Headroom(0.6, 3);

    private CapacityModel() {
    }

    public static void main(String[] args) {
        System.out.println("## Tiers sized for " + (long) PEAK + " votes/s at " + HEADROOM.peakUtilisation()
                + " (quiet µs per vote), checked at " + (long) TEST);
        List<TierSizing> quiet = sized(PEAK, Scenario.QUIET);
        System.out.print(tierTable(quiet));
        System.out.println();
        System.out.println("## The same, sized for " + (long) TEST + " at " + HEADROOM.peakUtilisation());
        System.out.print(tierTable(sized(TEST, Scenario.QUIET)));
        System.out.println();
        System.out.println("## Today's code: CPU per vote against the rate (perf/run-cost.sh at "
                + (long) Measured.todayLowestRate() + "-" + (long) Measured.todayHighestRate()
                + " votes/s), per vote + per second / rate");
        System.out.print(fitTable());
        System.out.println();
        System.out.println("## Total cores by cost scenario (sized for " + (long) PEAK + ")");
        System.out.print(scenarioTable());
        System.out.println();
        StoresReport.print(new EventSizes("capacity"), PEAK, TEST);
        EdgeReport.print(new EventSizes("capacity"), PEAK);
        System.out.println("## Cost per million votes at " + (long) PEAK + " votes/s, quiet µs");
        System.out.print(Costs.table(quiet, PEAK, CloudPrices.ASSUMED, new EventSizes("capacity")));
    }

    /** Which per-vote CPU figure sizes the tiers. */
    public enum Scenario {
        QUIET, WARMED_200, NOISY_LOW, NOISY_HIGH,
        /** Today's code, its CPU per vote fitted against the rate and taken at each pod's share of the peak. */
        TODAY_FITTED;

        TierSizing size(Tier tier, double peak) {
            return switch (this) {
                case QUIET -> TierSizing.of(tier, tier.quietMicros(), peak, HEADROOM);
                case WARMED_200 -> TierSizing.of(tier, tier.warmedMicros(), peak, HEADROOM);
                case NOISY_LOW -> TierSizing.of(tier, tier.noisyLow(), peak, HEADROOM);
                case NOISY_HIGH -> TierSizing.of(tier, tier.noisyHigh(), peak, HEADROOM);
                case TODAY_FITTED -> TierSizing.ofFit(tier,
                        Measured.todayFit(tier).withPerVoteAtLeast(Measured.perVoteAtLeast(tier)), peak, HEADROOM);
            };
        }
    }

    public static List<TierSizing> sized(double peak, Scenario scenario) {
        List<TierSizing> sizings = new ArrayList<>();
        for (Tier tier : Measured.TIERS) {
            sizings.add(scenario.size(tier, peak));
        }
        return sizings;
    }

    /**
     * Today's CPU per vote against the rate, per tier: the fit's two parts, the figure it gives at the highest phase's
     * rate against the one measured there, and the figure at each pod's share of the peak in the fitted sizing.
     */
    static String fitTable() {
        double top = Measured.todayHighestRate();
        String at = "@" + (long) top + "/s µs";
        Table t = new Table("tier", "per vote µs", "at least", "per second ms/s", "r²", "fit " + at, "measured " + at,
                "pods × cores", "µs/vote @" + (long) (PEAK / 1e3) + "k");
        List<TierSizing> fitted = sized(PEAK, Scenario.TODAY_FITTED);
        double[] sums = new double[4];
        for (int i = 0; i < Measured.TIERS.size(); i++) {
            Tier tier = Measured.TIERS.get(i);
            RateFit fit = Measured.todayFit(tier);
            double measured = Measured.todayMicrosAt(tier, top);
            TierSizing sizing = fitted.get(i);
            double atLeast = Measured.perVoteAtLeast(tier);
            t.row(tier.name(), fit.perVoteMicros(), atLeast > 0 ? atLeast : "-", fit.perSecondMicros() / 1e3,
                    fit.rSquared(), fit.microsAt(top), measured, sizing.pods() + " × " + tier.podCores(),
                    sizing.micros());
            sums[0] += fit.perVoteMicros();
            sums[1] += fit.perSecondMicros() / 1e3;
            sums[2] += measured;
            sums[3] += sizing.micros();
        }
        t.row("total", sums[0], "", sums[1], "", "", sums[2], "", sums[3]);
        return t.render();
    }

    static String tierTable(List<TierSizing> sizings) {
        Table t = new Table("tier", "µs/vote", "busy cores @250k", "busy @375k", "pods × cores", "util @250k",
                "util @375k", "M/M/c p99 wait @250k ms", "@375k ms");
        double cores = 0;
        double busy = 0;
        for (TierSizing s : sizings) {
            t.row(s.tier().name(), s.micros(), s.busyCores(PEAK), s.busyCores(TEST),
                    s.pods() + " × " + s.tier().podCores(), percent(s.utilisation(PEAK)),
                    percent(s.utilisation(TEST)), s.p99WaitMillis(PEAK), s.p99WaitMillis(TEST));
            cores += s.cores();
            busy += s.busyCores(PEAK);
        }
        t.row("total", sizings.stream().mapToDouble(TierSizing::micros).sum(), busy,
                busy * TEST / PEAK, (long) cores + " cores", percent(busy / cores), percent(busy * TEST / PEAK / cores),
                "", "");
        return t.render();
    }

    static String scenarioTable() {
        Table t = new Table("scenario", "µs/vote (all tiers)", "busy cores @250k", "provisioned cores");
        for (Scenario s : Scenario.values()) {
            List<TierSizing> sizings = sized(PEAK, s);
            t.row(s.name().toLowerCase(), sizings.stream().mapToDouble(TierSizing::micros).sum(),
                    sizings.stream().mapToDouble(x -> x.busyCores(PEAK)).sum(),
                    (double) sizings.stream().mapToInt(TierSizing::cores).sum());
        }
        for (double micros : new double[] {Measured.TARGET_MICROS, Measured.FLOOR_MICROS}) {
            double busy = Tier.busyCores(PEAK, micros);
            t.row(micros == Measured.FLOOR_MICROS ? "floor (quiet)" : "item 2 target", micros, busy,
                    Math.ceil(busy / HEADROOM.peakUtilisation()));
        }
        return t.render();
    }

    static String percent(double fraction) {
        return Math.round(fraction * 100) + " %";
    }
}
