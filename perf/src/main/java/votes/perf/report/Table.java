package votes.perf.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A fixed-width text table (Markdown-compatible pipes), for the terminal and RESULTS.md. */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public static Table forPhases() {
        return new Table("phase", "target/s", "achieved/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms",
                "202", "202 p99 ms", "409", "429", "503", "shed", "other", "failed", "unfinished", "err %",
                "send-lag p99 ms");
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(format(c));
        }
        rows.add(row);
        return this;
    }

    public Table phase(PhaseResult r) {
        LatencySummary l = r.latency();
        StatusCounts c = r.counts();
        return row(r.label(), r.targetRate(), r.achievedRate(), l.p50(), l.p90(), l.p99(), l.p999(), l.max(),
                c.accepted(), r.acceptedLatency().p99(), c.duplicate(), c.rateLimited(), c.unavailable(), c.shed(),
                c.otherStatus(), c.failed(), c.unfinished(), c.errorRate() * 100, r.sendLag().p99());
    }

    static String format(Object cell) {
        if (cell instanceof Double d) {
            if (d.isNaN()) {
                return "-";
            }
            double abs = Math.abs(d);
            if (abs >= 1000 || d == Math.rint(d) && abs >= 100) {
                return String.format(Locale.ROOT, "%.0f", d);
            }
            return String.format(Locale.ROOT, abs >= 10 ? "%.1f" : "%.2f", d);
        }
        return String.valueOf(cell);
    }

    public String render() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        StringBuilder rule = new StringBuilder("|");
        for (int w : widths) {
            rule.append("-".repeat(w + 2)).append('|');
        }
        out.append(rule).append('\n');
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            out.append(' ').append(c).append(" ".repeat(widths[i] - c.length())).append(" |");
        }
        out.append('\n');
    }
}
