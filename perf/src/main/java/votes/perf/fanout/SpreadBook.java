package votes.perf.fanout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import votes.perf.report.LatencySummary;

/**
 * What every SSE client received, and when: per update (a tally version), how long after the first client had
 * it the others had it too.
 *
 * <p>A client "has" version v from the first frame it got with a version ≥ v: realtime coalesces, and a slow
 * client's cursor skips to the newest state (README "Back-pressure"), which carries every earlier change. The
 * updates judged are the versions some client received above {@code baseline} (the state when everyone was
 * connected) whose first receipt is at least {@code window} before the end of observation, so every client had
 * the full window to get it. A client that never got it counts as late. Recording is per client (one thread
 * per client); {@link #summarize} runs after recording stopped. Pure, no clock.
 */
public final class SpreadBook {

    /** One update: its version, how many clients had it within the window, and first-to-last spread (µs). */
    public record Update(long version, int onTime, int reached, long spreadMicros) {
    }

    /** All updates judged. {@code delay}: per (client, update), µs after the first client; {@code spread}: per update. */
    public record Summary(int clients, List<Update> updates, long onTimePairs, long pairs, Histogram delay,
                          Histogram spread) {

        /** Fraction of (client, update) pairs delivered within the window; NaN without updates. */
        public double onTimeFraction() {
            return pairs == 0 ? Double.NaN : (double) onTimePairs / pairs;
        }

        /** The worst update's fraction of clients within the window. */
        public double worstUpdateFraction() {
            return updates.stream().mapToDouble(u -> (double) u.onTime() / clients).min().orElse(Double.NaN);
        }
    }

    private final long[][] versions;
    private final long[][] times;
    private final int[] sizes;

    public SpreadBook(int clients) {
        versions = new long[clients][8];
        times = new long[clients][8];
        sizes = new int[clients];
    }

    public int clients() {
        return sizes.length;
    }

    /** Client {@code c} got a frame with {@code version} at {@code nanos} (frames of a client arrive in order). */
    public void received(int c, long version, long nanos) {
        int n = sizes[c];
        if (n == versions[c].length) {
            versions[c] = Arrays.copyOf(versions[c], n * 2);
            times[c] = Arrays.copyOf(times[c], n * 2);
        }
        versions[c][n] = version;
        times[c][n] = nanos;
        sizes[c] = n + 1;
    }

    /** The highest version any client received up to {@code nanos}. */
    public long highestUpTo(long nanos) {
        long max = -1;
        for (int c = 0; c < sizes.length; c++) {
            for (int i = 0; i < sizes[c] && times[c][i] <= nanos; i++) {
                max = Math.max(max, versions[c][i]);
            }
        }
        return max;
    }

    public Summary summarize(long baseline, long endNanos, long windowNanos) {
        long[] vs = versionsAbove(baseline);
        Histogram delay = LatencySummary.newHistogram();
        Histogram spread = LatencySummary.newHistogram();
        List<Update> updates = new ArrayList<>();
        long onTimePairs = 0;
        long pairs = 0;
        for (int k = 0; k < vs.length; k++) {
            long[] reach = reachTimes(vs[k]);
            long first = Arrays.stream(reach).min().orElse(Long.MAX_VALUE);
            if (first == Long.MAX_VALUE || first > endNanos - windowNanos) {
                continue;
            }
            Update update = judge(vs[k], reach, first, endNanos, windowNanos, delay, spread);
            updates.add(update);
            onTimePairs += update.onTime();
            pairs += reach.length;
        }
        return new Summary(sizes.length, updates, onTimePairs, pairs, delay, spread);
    }

    /** Every version some client received above {@code baseline}, ascending. */
    private long[] versionsAbove(long baseline) {
        TreeSet<Long> seen = new TreeSet<>();
        for (int c = 0; c < sizes.length; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                if (versions[c][i] > baseline) {
                    seen.add(versions[c][i]);
                }
            }
        }
        return seen.stream().mapToLong(Long::longValue).toArray();
    }

    /** Per client, when it first had a version >= {@code version}; Long.MAX_VALUE if never. */
    private long[] reachTimes(long version) {
        long[] reach = new long[sizes.length];
        for (int c = 0; c < sizes.length; c++) {
            int i = 0;
            while (i < sizes[c] && versions[c][i] < version) {
                i++;
            }
            reach[c] = i < sizes[c] ? times[c][i] : Long.MAX_VALUE;
        }
        return reach;
    }

    /** One update: each client's delay after the first (a client that never had it, or too late, counts as never). */
    private static Update judge(long version, long[] reach, long first, long endNanos, long windowNanos, Histogram delay,
            Histogram spread) {
        int onTime = 0;
        int reached = 0;
        long last = first;
        for (long t : reach) {
            if (t == Long.MAX_VALUE || t > endNanos) {
                LatencySummary.recordNanos(delay, Long.MAX_VALUE / 2); // never: clamped to the histogram's top
                continue;
            }
            reached++;
            last = Math.max(last, t);
            LatencySummary.recordNanos(delay, t - first);
            if (t - first <= windowNanos) {
                onTime++;
            }
        }
        long spreadNanos = last - first;
        LatencySummary.recordNanos(spread, spreadNanos);
        return new Update(version, onTime, reached, spreadNanos / 1000);
    }
}
