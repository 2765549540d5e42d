package votes.perf.load;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import votes.perf.report.ChallengeCounts;
import votes.perf.report.LatencySummary;
import votes.perf.report.PhaseResult;
import votes.perf.report.StatusCounts;

/**
 * Runs phases (warm-up then measured window, one continuous open-model stream at one rate) against one target
 * with {@code eventLoops} workers. Request indices continue across phases, so every request of the whole run
 * uses a distinct (poll, voter).
 */
public final class LoadRunner implements AutoCloseable {

    private final Vertx vertx;
    private final List<LoadWorker> workers = new ArrayList<>();
    private final long capacity;
    private final int expectedStatus;
    private final long maxRequests;
    private long nextTargetIndex;

    /** First votes of distinct (poll, voter) pairs ({@link VoteRequests}). */
    public LoadRunner(URI url, List<String> tokens, Targets targets, String optionId, int eventLoops, int connections,
                      Duration requestTimeout, long maxRequests, long skip) {
        this(url, tokens, targets, optionId, eventLoops, connections, requestTimeout, maxRequests, skip,
                AnswerListener.NONE, List.of());
    }

    /**
     * First votes, every answer told to {@code listener} (e.g. to keep the 202s' receipt ids), the connections spread
     * over {@code localAddresses} (see {@link LoopbackAddresses}; empty: one client address).
     */
    public LoadRunner(URI url, List<String> tokens, Targets targets, String optionId, int eventLoops, int connections,
                      Duration requestTimeout, long maxRequests, long skip, AnswerListener listener,
                      List<String> localAddresses) {
        this(url, new VoteRequests(tokens, targets, optionId), eventLoops, connections, requestTimeout, maxRequests, skip,
                listener, localAddresses);
    }

    /** Any kind of request, e.g. {@link ResultsRequests}. */
    public LoadRunner(URI url, RequestShape shape, int eventLoops, int connections, Duration requestTimeout,
                      long maxRequests, long skip) {
        this(url, shape, eventLoops, connections, requestTimeout, maxRequests, skip, AnswerListener.NONE, List.of());
    }

    public LoadRunner(URI url, RequestShape shape, int eventLoops, int connections, Duration requestTimeout,
                      long maxRequests, long skip, AnswerListener listener, List<String> localAddresses) {
        this.capacity = shape.capacity();
        this.expectedStatus = shape.expectedStatus();
        this.maxRequests = maxRequests;
        this.nextTargetIndex = skip;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setPreferNativeTransport(false));
        int perLoop = Math.max(1, connections / eventLoops);
        int port = url.getPort() > 0 ? url.getPort() : 80;
        LoadWorker.Target target = new LoadWorker.Target(url.getHost(), port, shape, perLoop,
                // The client-side queue is bounded too: beyond it a request fails at once (counted as failed).
                perLoop * 64, requestTimeout.toMillis(), listener, LoopbackAddresses.expand(localAddresses));
        for (int w = 0; w < eventLoops; w++) {
            LoadWorker worker = new LoadWorker(w, target);
            workers.add(worker);
            await(vertx.deployVerticle(worker, new DeploymentOptions()).toCompletionStage().toCompletableFuture());
        }
    }

    public long requestsUsed() {
        return nextTargetIndex;
    }

    public PhaseResult run(String label, double rate, Duration warmup, Duration measured, Duration drain) {
        long warmupCount = Math.round(rate * warmup.toMillis() / 1000d);
        long total = warmupCount + ArrivalSchedule.requestsFor(rate, measured.toMillis() / 1000d);
        if (nextTargetIndex + total > Math.min(maxRequests, capacity)) {
            throw new IllegalStateException("phase " + label + " needs " + total + " more requests; the run is bounded at "
                    + Math.min(maxRequests, capacity) + " (--max-requests, or polls x voters) and has used "
                    + nextTargetIndex);
        }
        ArrivalSchedule schedule = new ArrivalSchedule(rate, total, workers.size());
        long start = System.nanoTime() + 20_000_000; // a moment for every loop to get its first tick in
        LoadWorker.Phase phase = new LoadWorker.Phase(schedule, start, warmupCount, nextTargetIndex, drain.toNanos());
        nextTargetIndex += total;
        List<CompletableFuture<LoadWorker.Outcome>> outcomes = new ArrayList<>();
        for (LoadWorker w : workers) {
            outcomes.add(w.run(phase));
        }
        Histogram latency = LatencySummary.newHistogram();
        Histogram accepted = LatencySummary.newHistogram();
        Histogram lag = LatencySummary.newHistogram();
        StatusCounts counts = new StatusCounts(expectedStatus);
        ChallengeCounts challenges = new ChallengeCounts();
        for (CompletableFuture<LoadWorker.Outcome> f : outcomes) {
            LoadWorker.Outcome o = await(f);
            latency.add(o.latency());
            accepted.add(o.acceptedLatency());
            lag.add(o.sendLag());
            counts.add(o.counts());
            challenges.add(o.challenges());
        }
        double seconds = measured.toMillis() / 1000d;
        double achieved = (counts.total() - counts.unfinished()) / seconds;
        return new PhaseResult(label, rate, seconds, achieved, LatencySummary.of(latency), LatencySummary.of(accepted),
                counts, LatencySummary.of(lag), challenges);
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
