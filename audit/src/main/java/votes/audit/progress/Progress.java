package votes.audit.progress;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr ("votes.submitted [#####.....] 52% 520,000/1,000,000 180,000/s"), redrawn at
 * most every 200 ms, so stdout stays the report alone (pipeable, --json parseable) and a long replay shows life.
 */
public final class Progress {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean enabled;
    private String label = "";
    private long total;
    private long done;
    private long started;
    private long lastDraw;

    public Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    public static Progress off() {
        return new Progress(System.err, false);
    }

    /** Starts a phase; {@code total} ≤ 0 when unknown (then no bar, only the count and the rate). */
    public void start(String label, long total) {
        this.label = label;
        this.total = total;
        this.done = 0;
        this.started = System.nanoTime();
        this.lastDraw = 0;
        draw(true);
    }

    public void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(false);
        }
    }

    /**
     * Draws the phase's last state and ends its line. A finished phase shows 100 %: the total counts offsets, and
     * transaction markers or compaction leave offsets without records.
     */
    public void finish() {
        if (total > 0) {
            done = Math.max(done, total);
        }
        draw(true);
        if (enabled) {
            err.println();
        }
    }

    /** A message between phases. */
    public void note(String message) {
        if (enabled) {
            err.println(message);
        }
    }

    public long rate() {
        double seconds = (System.nanoTime() - started) / 1e9;
        return seconds <= 0 ? 0 : (long) (done / seconds);
    }

    private void draw(boolean force) {
        if (!enabled) {
            return;
        }
        StringBuilder line = new StringBuilder("\r").append(String.format("%-18s", label));
        if (total > 0) {
            int pct = (int) Math.min(100, done * 100 / total);
            int filled = pct * WIDTH / 100;
            line.append(" [").append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(String.format("%3d%% %,d/%,d", pct, done, total));
        } else {
            line.append(String.format(" %,d", done));
        }
        line.append(String.format("  %,d/s   ", rate()));
        err.print(line);
        err.flush();
    }
}
