package votes.perf.freshness;

import java.util.List;
import java.util.Locale;
import votes.perf.report.LatencySummary;
import votes.perf.report.Medians;

/** Prints the per-hop breakdown: a HOP line per hop and phase, then a HOP_MEDIAN line per hop over the runs. */
final class HopReport {

    private HopReport() {
    }

    static void phase(String phase, double rate, HopBook hops) {
        for (HopBook.Leg leg : hops.legs()) {
            LatencySummary l = leg.latency();
            System.out.printf(Locale.ROOT, "HOP label=%s rate=%.0f hop=\"%s\" n=%d p50ms=%.1f p90ms=%.1f p99ms=%.1f maxms=%.1f%n",
                    phase, rate, leg.name(), l.count(), l.p50(), l.p90(), l.p99(), l.max());
        }
        if (hops.early() > 0) {
            System.out.printf(Locale.ROOT, "HOP label=%s early=%d (a later clock ahead of an earlier one, counted as 0)%n",
                    phase, hops.early());
        }
    }

    /** For each hop, the median over the runs of each run's p50 / p90 / p99. */
    static void medians(String label, double rate, List<List<HopBook.Leg>> runs) {
        if (runs.isEmpty()) {
            return;
        }
        for (int h = 0; h < runs.get(0).size(); h++) {
            int hop = h;
            List<LatencySummary> per = runs.stream().map(r -> r.get(hop).latency()).toList();
            System.out.printf(Locale.ROOT, "HOP_MEDIAN label=%s rate=%.0f hop=\"%s\" p50ms=%.1f p90ms=%.1f p99ms=%.1f runs=%d%n",
                    label, rate, runs.get(0).get(hop).name(), Medians.of(per.stream().map(LatencySummary::p50).toList()),
                    Medians.of(per.stream().map(LatencySummary::p90).toList()),
                    Medians.of(per.stream().map(LatencySummary::p99).toList()), runs.size());
        }
    }
}
