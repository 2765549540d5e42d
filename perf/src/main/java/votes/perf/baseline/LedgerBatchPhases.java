package votes.perf.baseline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ledger batch's time by phase, read from the ledger's own meters ({@code ledger_batch_phase_seconds{phase}},
 * {@code ledger_batch_size}) once a catch-up is done. The ledger was started for the catch-up, so its meters hold
 * that catch-up's batches (and the few the stack's start wrote).
 */
final class LedgerBatchPhases {

    private static final Pattern SAMPLE = Pattern.compile(
            "^(ledger_batch_phase_seconds|ledger_batch_size)_(sum|count)(?:\\{([^}]*)})?\\s+(\\S+)");
    private static final Pattern PHASE = Pattern.compile("phase=\"([a-z]+)\"");
    // Phases the ledger runs while the previous batch is written (its BatchPhase.PREPARE): printed, but not part of
    // the batch's wall time.
    private static final Set<String> OVERLAPPED = Set.of("prepare");

    private LedgerBatchPhases() {
    }

    /** Prints one line: batches, mean records per batch, mean ms per batch of each phase and the sum of the serial ones. */
    static void print(String metricsUrl) throws IOException, InterruptedException {
        // HTTP/1.1 as Prometheus scrapes (the JDK client's h2c upgrade offer is not what the services expect).
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String body = client.send(HttpRequest.newBuilder(URI.create(metricsUrl)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        System.out.println(line(body));
    }

    /** The BREAKDOWN line of one Prometheus scrape of the ledger. */
    static String line(String body) {
        Map<String, Double> sums = new LinkedHashMap<>();
        Map<String, Double> counts = new LinkedHashMap<>();
        double rows = 0;
        double batches = 0;
        for (String line : body.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.find()) {
                continue;
            }
            double value = Double.parseDouble(m.group(4));
            if (m.group(1).equals("ledger_batch_size")) {
                if (m.group(2).equals("sum")) {
                    rows = value;
                } else {
                    batches = value;
                }
                continue;
            }
            Matcher phase = PHASE.matcher(m.group(3) == null ? "" : m.group(3));
            if (phase.find()) {
                (m.group(2).equals("sum") ? sums : counts).put(phase.group(1), value);
            }
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "BREAKDOWN label=ledger-batch batches=%.0f records_per_batch=%.0f", batches,
                batches == 0 ? 0 : rows / batches));
        double total = 0;
        for (Map.Entry<String, Double> sum : sums.entrySet()) {
            // Per consumed batch: a phase that ran more often (retries) still counts against the batches it served.
            double ms = batches == 0 ? 0 : 1000 * sum.getValue() / batches;
            if (!OVERLAPPED.contains(sum.getKey())) {
                total += ms;
            }
            line.append(String.format(Locale.ROOT, " %s_ms=%.2f", sum.getKey(), ms));
        }
        line.append(String.format(Locale.ROOT, " total_ms=%.2f", total));
        return line.toString();
    }
}
