package votes.perf.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import votes.perf.report.LatencySummary;
import votes.perf.report.Medians;
import votes.perf.report.OverloadGoal;
import votes.perf.report.PhaseResult;
import votes.perf.report.StatusCounts;
import votes.perf.report.Table;

/**
 * VoteLoad's overload phases: {@code runs} phases at {@code factor} x the max sustained rate, each after a pause
 * that lets the previous backlog drain. Says whether every request is answered, what fraction is shed, and how
 * fast the 202s are; prints OVERLOAD lines and an OVERLOAD_MEDIAN.
 */
record OverloadRun(String label, double factor, int runs, Duration warmup, Duration duration, Duration drain,
        Duration settle, OverloadGoal goal) {

    void run(LoadRunner runner, double max) {
        if (max <= 0) {
            System.out.println("OVERLOAD skipped: no sustained rate to multiply");
            return;
        }
        double target = max * factor;
        Table table = Table.forPhases();
        List<Double> shed = new ArrayList<>();
        List<Double> acceptedP99 = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Durations.pause(settle);
            PhaseResult r = runner.run(label + "@overload-x" + fmt(factor) + "#" + run, target, warmup, duration, drain);
            table.phase(r);
            VoteLoad.printResult(r, goal.met(r));
            printOverload(r, max, target);
            shed.add(r.counts().shedRate() * 100);
            acceptedP99.add(r.acceptedLatency().p99());
        }
        System.out.println(table.render());
        System.out.printf(Locale.ROOT, "OVERLOAD_MEDIAN label=%s target=%.0f shed=%.2f%% accepted_p99ms=%.2f runs=%d%n",
                label, target, Medians.of(shed), Medians.of(acceptedP99), runs);
    }

    private void printOverload(PhaseResult r, double max, double target) {
        StatusCounts c = r.counts();
        LatencySummary a = r.acceptedLatency();
        System.out.printf(Locale.ROOT,
                "OVERLOAD label=%s max=%.0f factor=%s target=%.0f achieved=%.0f answered=%.2f%% shed=%.2f%% "
                        + "accepted=%.2f%% accepted_p50ms=%.2f accepted_p90ms=%.2f accepted_p99ms=%.2f "
                        + "accepted_p999ms=%.2f all_p99ms=%.2f goal=%s counts[%s]%n",
                r.label(), max, fmt(factor), target, r.achievedRate(),
                percent(c.answeredAsDesigned(), c.total()), c.shedRate() * 100, percent(c.accepted(), c.total()),
                a.p50(), a.p90(), a.p99(), a.p999(), r.latency().p99(), goal.met(r) ? "met" : "MISSED", c);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100d * part / whole;
    }

    private static String fmt(double factor) {
        return factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor);
    }
}
