package votes.perf.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.perf.load.Durations;
import votes.perf.report.CliErrors;
import votes.perf.report.Medians;

/**
 * The load profiles' report (issue 12, item 6) from perf/run-profiles.sh's CSVs: the sustained level (the soak's first
 * minutes), the soak's trends (every sampled series and the windows' p99, as slopes per hour with their fit), and the
 * spike's recovery time (until the p99 of the base load and every group's lag are back at the sustained level).
 * Prints SUSTAINED / TREND / RECOVERY lines.
 */
@Command(name = "profile-report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sustained, soak and spike figures from perf/run-profiles.sh's samples.csv and windows.csv.")
public final class ProfileReport implements Callable<Integer> {

    @Option(names = "--samples", required = true, description = "epoch_s,series,value (the Sampler's CSV).")
    Path samples;

    @Option(names = "--windows", required = true, description = "One line per load window (run-profiles.sh).")
    Path windows;

    @Option(names = "--soak", required = true, paramLabel = "FROM..TO", description = "The soak, epoch seconds.")
    String soak;

    @Option(names = "--sustained", defaultValue = "10m", converter = Durations.class,
            description = "The sustained profile: the soak's first minutes.")
    Duration sustained;

    @Option(names = "--spike", paramLabel = "FROM..TO", description = "The extra load's span, epoch seconds.")
    String spike;

    @Option(names = "--tolerance", defaultValue = "1.5",
            description = "Recovered: p99 and lag at most this many times their sustained median.")
    double tolerance;

    @Option(names = "--lag-floor", defaultValue = "500",
            description = "Recovered: a lag at most this many records counts as back whatever the median was.")
    long lagFloor;

    public static void main(String[] args) {
        System.exit(CliErrors.run(new ProfileReport(), args));
    }

    @Override
    public Integer call() throws IOException {
        long[] s = span(soak);
        List<Window> all = Window.read(windows);
        List<Window> soakWindows = all.stream().filter(w -> w.label().startsWith("soak#")).toList();
        long sustainedEnd = s[0] + sustained.toSeconds();
        List<Window> early = soakWindows.stream().filter(w -> w.endEpoch() <= sustainedEnd + 5).toList();
        System.out.printf(Locale.ROOT, "SUSTAINED windows=%d achieved_median=%.0f accepted_p99ms_median=%.1f "
                        + "accepted_p99ms_max=%.1f errors_pct_max=%.3f shed_pct_max=%.3f%n", early.size(),
                median(early, Window::achieved), median(early, Window::acceptedP99), max(early, Window::acceptedP99),
                max(early, Window::errorsPct), max(early, Window::shedPct));
        System.out.printf(Locale.ROOT, "SOAK windows=%d achieved_median=%.0f accepted_p99ms_median=%.1f "
                        + "errors_pct_max=%.3f shed_pct_max=%.3f span_s=%d%n", soakWindows.size(),
                median(soakWindows, Window::achieved), median(soakWindows, Window::acceptedP99),
                max(soakWindows, Window::errorsPct), max(soakWindows, Window::shedPct), s[1] - s[0]);
        Map<String, List<Trend.Point>> series = readSamples(s[0], s[1]);
        series.put("accepted_p99ms.windows", soakWindows.stream()
                .map(w -> new Trend.Point(w.endEpoch(), w.acceptedP99())).toList());
        System.out.printf("%-34s %6s %12s %12s %14s %10s %7s%n", "series", "points", "first(fit)", "last(fit)",
                "slope/hour", "stderr/h", "R²");
        series.forEach((name, points) -> {
            Trend t = Trend.fit(points);
            System.out.printf(Locale.ROOT, "TREND %-28s %6d %12.1f %12.1f %14.2f %10.2f %7.3f%n", name, t.points(),
                    t.first(), t.last(), t.perHour(), t.stdErr(), t.rSquare());
        });
        if (spike != null) {
            recovery(span(spike), soakWindows, series, all);
        }
        return 0;
    }

    private void recovery(long[] spikeSpan, List<Window> soakWindows, Map<String, List<Trend.Point>> soakSeries,
                          List<Window> all) throws IOException {
        double p99Bar = tolerance * median(soakWindows, Window::acceptedP99);
        OptionalLong p99Back = all.stream().filter(w -> w.label().startsWith("after-soak#")
                        && w.endEpoch() > spikeSpan[1] && w.acceptedP99() <= p99Bar)
                .mapToLong(Window::endEpoch).min();
        Map<String, List<Trend.Point>> after = readSamples(spikeSpan[1], Long.MAX_VALUE);
        long lagBack = spikeSpan[1];
        StringBuilder lags = new StringBuilder();
        for (var e : after.entrySet()) {
            if (!e.getKey().startsWith("lag.")) {
                continue;
            }
            double bar = Math.max(lagFloor, tolerance * Medians.of(soakSeries.getOrDefault(e.getKey(), List.of())
                    .stream().map(Trend.Point::value).toList()));
            OptionalLong back = e.getValue().stream().filter(p -> p.value() <= bar)
                    .mapToLong(Trend.Point::epochSeconds).min();
            lags.append(' ').append(e.getKey()).append("_back_s=")
                    .append(back.isPresent() ? Long.toString(back.getAsLong() - spikeSpan[1]) : "never");
            lagBack = back.isPresent() ? Math.max(lagBack, back.getAsLong()) : Long.MAX_VALUE;
        }
        System.out.printf(Locale.ROOT, "SPIKE span_s=%d windows_during=%s%n", spikeSpan[1] - spikeSpan[0],
                all.stream().filter(w -> w.label().startsWith("spike#")).map(Window::summary).toList());
        System.out.printf(Locale.ROOT, "RECOVERY p99_bar_ms=%.1f p99_back_s=%s%s recovery_s=%s%n", p99Bar,
                p99Back.isPresent() ? Long.toString(p99Back.getAsLong() - spikeSpan[1]) : "never", lags,
                p99Back.isPresent() && lagBack != Long.MAX_VALUE
                        ? Long.toString(Math.max(p99Back.getAsLong(), lagBack) - spikeSpan[1]) : "not within the run");
    }

    private Map<String, List<Trend.Point>> readSamples(long from, long to) throws IOException {
        Map<String, List<Trend.Point>> series = new TreeMap<>();
        for (String line : Files.readAllLines(samples)) {
            String[] f = line.split(",");
            if (f.length != 3 || !f[0].matches("\\d+")) {
                continue;
            }
            long t = Long.parseLong(f[0]);
            if (t >= from && t <= to) {
                series.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new Trend.Point(t, Double.parseDouble(f[2])));
            }
        }
        return series;
    }

    static long[] span(String fromTo) {
        String[] p = fromTo.split("\\.\\.");
        if (p.length != 2) {
            throw new IllegalArgumentException("expected FROM..TO (epoch seconds), got " + fromTo);
        }
        return new long[] {Long.parseLong(p[0].trim()), Long.parseLong(p[1].trim())};
    }

    private static double median(List<Window> ws, java.util.function.ToDoubleFunction<Window> f) {
        return Medians.of(ws.stream().map(w -> f.applyAsDouble(w)).toList());
    }

    private static double max(List<Window> ws, java.util.function.ToDoubleFunction<Window> f) {
        return ws.stream().mapToDouble(f).max().orElse(Double.NaN);
    }
}
