package votes.perf.fanout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import votes.perf.load.LoadRunner;
import votes.perf.load.ResultsRequests;
import votes.perf.report.PhaseResult;

/**
 * {@code GET …/results} of one poll at a fixed rate (open model, the issue-2 generator) against one or more origins
 * at once, beside a fan-out level: through the gateway and, as a control, straight to realtime, so the gateway's
 * share of a slow read shows. One event loop per origin.
 */
final class ResultsReaders implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final List<LoadRunner> runners = new ArrayList<>();

    ResultsReaders(List<URI> origins, String poll, int connections) {
        for (URI origin : origins) {
            runners.add(new LoadRunner(origin, new ResultsRequests(List.of(poll)), 1, connections, REQUEST_TIMEOUT,
                    Long.MAX_VALUE, 0));
        }
    }

    /** Starts every reader now for {@code window}; the results come in the origins' order. */
    CompletableFuture<List<PhaseResult>> run(String label, double rate, Duration window) {
        List<CompletableFuture<PhaseResult>> all = new ArrayList<>();
        for (int i = 0; i < runners.size(); i++) {
            LoadRunner runner = runners.get(i);
            String name = label + "-results-" + i;
            all.add(CompletableFuture.supplyAsync(() -> runner.run(name, rate, Duration.ZERO, window, DRAIN)));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Waits until the poll's results answer 200 at {@code origin}: a stream opened before the poll's first tally
     * reaches realtime gets realtime's 404 after its short wait (README "Unknown polls"), which is right for a
     * browser and useless for a measurement.
     */
    static void awaitResults(URI origin, String poll, Duration max) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest get = HttpRequest.newBuilder(origin.resolve("/api/v1/polls/" + poll + "/results"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet: try again
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("poll " + poll + " has no results at " + origin + " after " + max);
    }

    @Override
    public void close() {
        runners.forEach(LoadRunner::close);
    }
}
