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
        TreeSet<Long> seen = new TreeSet<>();
        for (int c = 0; c < sizes.length; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                if (versions[c][i] > baseline) {
                    seen.add(versions[c][i]);
                }
            }
        }
        long[] vs = seen.stream().mapToLong(Long::longValue).toArray();
        int clients = sizes.length;
        // reach[c][k]: when client c first had a version >= vs[k]; Long.MAX_VALUE if never.
        long[][] reach = new long[clients][];
        long[] first = new long[vs.length];
        Arrays.fill(first, Long.MAX_VALUE);
        for (int c = 0; c < clients; c++) {
            long[] r = new long[vs.length];
            Arrays.fill(r, Long.MAX_VALUE);
            int i = 0;
            for (int k = 0; k < vs.length; k++) {
                while (i < sizes[c] && versions[c][i] < vs[k]) {
                    i++;
                }
                if (i < sizes[c]) {
                    r[k] = times[c][i];
                    first[k] = Math.min(first[k], r[k]);
                }
            }
            reach[c] = r;
        }
        Histogram delay = LatencySummary.newHistogram();
        Histogram spread = LatencySummary.newHistogram();
        List<Update> updates = new ArrayList<>();
        long onTimePairs = 0;
        long pairs = 0;
        for (int k = 0; k < vs.length; k++) {
            if (first[k] == Long.MAX_VALUE || first[k] > endNanos - windowNanos) {
                continue;
            }
            int onTime = 0;
            int reached = 0;
            long last = first[k];
            for (int c = 0; c < clients; c++) {
                long t = reach[c][k];
                if (t == Long.MAX_VALUE || t > endNanos) {
                    LatencySummary.recordNanos(delay, Long.MAX_VALUE / 2); // never: clamped to the histogram's top
                    continue;
                }
                reached++;
                last = Math.max(last, t);
                LatencySummary.recordNanos(delay, t - first[k]);
                if (t - first[k] <= windowNanos) {
                    onTime++;
                }
            }
            long spreadNanos = last - first[k];
            LatencySummary.recordNanos(spread, spreadNanos);
            updates.add(new Update(vs[k], onTime, reached, spreadNanos / 1000));
            onTimePairs += onTime;
            pairs += clients;
        }
        return new Summary(clients, updates, onTimePairs, pairs, delay, spread);
    }
}
