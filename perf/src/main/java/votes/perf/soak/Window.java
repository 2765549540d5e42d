package votes.perf.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** One load window of perf/run-profiles.sh (a VoteLoad RESULT line and the moment it ended). */
record Window(long endEpoch, String label, double target, double achieved, double p99, double acceptedP99,
              double errorsPct, double shedPct) {

    /** windows.csv: epoch_s,label,target,achieved,p99ms,accepted_p99ms,errors_pct,shed_pct (header skipped). */
    static List<Window> read(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().filter(l -> l.matches("\\d+,.*")).map(Window::parse).toList();
    }

    static Window parse(String line) {
        String[] f = line.split(",");
        if (f.length != 8) {
            throw new IllegalArgumentException("a windows.csv line has 8 fields: " + line);
        }
        return new Window(Long.parseLong(f[0]), f[1], d(f[2]), d(f[3]), d(f[4]), d(f[5]), d(f[6]), d(f[7]));
    }

    String summary() {
        return String.format(Locale.ROOT, "%s target=%.0f achieved=%.0f accepted_p99ms=%.1f shed=%.2f%%", label, target,
                achieved, acceptedP99, shedPct);
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
