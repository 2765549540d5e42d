package votes.perf.freshness;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import votes.perf.baseline.KafkaLogin;
import votes.perf.load.AdminPolls;
import votes.perf.load.Durations;
import votes.perf.load.LoadRunner;
import votes.perf.load.LoopbackOnly;
import votes.perf.load.Targets;
import votes.perf.load.VoterTokens;
import votes.perf.report.LatencySummary;
import votes.perf.report.Medians;
import votes.perf.report.PhaseResult;
import votes.perf.report.Table;
import votes.perf.sse.SingleLoop;

/**
 * Freshness under load: the open-model vote load ({@link LoadRunner}, the issue-2 generator) runs on its own
 * polls at --rate while sparse probe votes go to separate probe polls, each watched by one SSE stream on
 * realtime. Freshness of a probe = its 202 to the first frame whose totalVotes includes it ({@link ProbeBook}
 * says why that is sound). Prints a table and RESULT / MEDIAN lines.
 */
@Command(name = "freshness", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Vote 202 -> first SSE tally including it, under an open-model vote load (127.0.0.1 only).")
public final class Freshness implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--url", required = true, description = "ingest base URL (votes go here), loopback only.")
    String url;

    @Option(names = "--realtime-url", required = true, description = "realtime base URL (SSE streams).")
    String realtimeUrl;

    @Option(names = "--admin-url", required = true, description = "Where POST /api/v1/polls is served (gateway or ledger).")
    String adminUrl;

    @Option(names = "--private-key", required = true, description = "VOTE_HOME/keys/jwt-private.pem (admin token).")
    Path privateKey;

    @Option(names = "--tokens-file", required = true, description = "Voter tokens, one per line.")
    Path tokensFile;

    @Option(names = "--issuer", defaultValue = "https://votes.local/dev")
    String issuer;

    @Option(names = "--voters", defaultValue = "20000")
    int voters;

    @Option(names = "--rate", defaultValue = "0", description = "Background vote load, req/s (0 = none: idle freshness).")
    double rate;

    @Option(names = "--warmup", defaultValue = "5s", converter = Durations.class)
    Duration warmup;

    @Option(names = "--duration", defaultValue = "30s", converter = Durations.class)
    Duration duration;

    @Option(names = "--runs", defaultValue = "1")
    int runs;

    @Option(names = "--probe-polls", defaultValue = "20", description = "Probe polls (one probe in flight on each).")
    int probePolls;

    @Option(names = "--probe-interval", defaultValue = "100ms", converter = Durations.class)
    Duration probeInterval;

    @Option(names = "--connections", defaultValue = "256", description = "Background load's HTTP connections.")
    int connections;

    @Option(names = "--label", defaultValue = "fresh")
    String label;

    @Option(names = "--kafka-bootstrap", description = "The stack's Kafka: reads ledger.tally-deltas and vote-tallies "
            + "for the per-hop breakdown (none: end to end only).")
    String kafkaBootstrap;

    @Mixin
    KafkaLogin kafkaLogin = new KafkaLogin();

    public static void main(String[] args) {
        System.exit(votes.perf.report.CliErrors.run(new Freshness(), args));
    }

    @Override
    public Integer call() throws Exception {
        URI ingest = LoopbackOnly.check(url);
        URI realtime = LoopbackOnly.check(realtimeUrl);
        LoopbackOnly.check(adminUrl);
        if (runs < 1 || runs > 10 || duration.toSeconds() > 600 || warmup.toSeconds() > 600 || rate < 0
                || probeInterval.toMillis() < 10) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "bounded: 1..10 runs, phases up to 600 s, rate >= 0, probe interval >= 10 ms");
        }
        List<String> tokens = tokens();
        double phaseSeconds = (warmup.toMillis() + duration.toMillis()) / 1000d;
        long probesPerPoll = (long) Math.ceil(runs * (phaseSeconds + 10) * 1000d / probeInterval.toMillis() / probePolls) + 1;
        if (probesPerPoll > voters) {
            throw new IllegalArgumentException("probes need " + probesPerPoll + " voters per probe poll; add --probe-polls");
        }
        String admin = VoterTokens.mint(privateKey, issuer, "perf-admin-", 1, List.of("admin")).get(0);
        String stamp = "perf fresh " + Instant.now();
        List<String> probeIds = AdminPolls.create(adminUrl, admin, probePolls, stamp + " probe");
        long loadRequests = (long) Math.ceil(rate * phaseSeconds) * runs + runs;
        List<String> loadIds = rate > 0 ? AdminPolls.create(adminUrl, admin, (int) (loadRequests / voters + 1), stamp + " load")
                : List.of();
        System.err.println("probe polls " + probeIds + "; load polls " + loadIds);

        HopBook hops = new HopBook(probeIds);
        try (SingleLoop loop = new SingleLoop(); HopWatch watch = watch(hops)) {
            ProbeBook book = new ProbeBook(probePolls);
            ProbeTraffic.openStreams(loop, client(loop.vertx(), realtime), probeIds, book, hops);
            ProbeTraffic probes = new ProbeTraffic(loop, client(loop.vertx(), ingest),
                    tokens.stream().map(t -> "Bearer " + t).toList(), probeIds, book, hops);
            Table table = new Table("phase", "load target/s", "load achieved/s", "load p99 ms", "load err %",
                    "probes", "fresh p50 ms", "fresh p90 ms", "fresh p99 ms", "fresh max ms", "post->frame p50 ms", "post->frame p99 ms", "skipped", "refused",
                    "pending", "seen<202");
            List<ProbeFigures> figures = new ArrayList<>();
            List<List<HopBook.Leg>> legs = new ArrayList<>();
            LoadRunner runner = rate > 0 ? new LoadRunner(ingest, tokens, new Targets(loadIds, voters), "a", 1,
                    connections, Duration.ofSeconds(10), loadRequests, 0) : null;
            try {
                for (int run = 1; run <= runs; run++) {
                    String phase = label + "@" + (long) rate + "#" + run;
                    figures.add(runPhase(phase, probes, runner, table));
                    legs.add(hops.legs());
                    HopReport.phase(phase, rate, hops);
                }
            } finally {
                if (runner != null) {
                    runner.close();
                }
            }
            System.out.println(table.render());
            System.out.printf(Locale.ROOT, "MEDIAN label=%s rate=%.0f fresh_p50ms=%.2f fresh_p99ms=%.2f post_p50ms=%.2f post_p99ms=%.2f "
                    + "runs=%d%n", label, rate, median(figures, f -> f.freshness().p50()), median(figures, f -> f.freshness().p99()),
                    median(figures, f -> f.fromPost().p50()), median(figures, f -> f.fromPost().p99()), runs);
            if (watch != null) {
                HopReport.medians(label, rate, legs);
            }
        }
        return 0;
    }

    private List<String> tokens() {
        List<String> tokens = VoterTokens.load(tokensFile);
        if (tokens.size() < voters) {
            throw new IllegalArgumentException(tokensFile + " has " + tokens.size() + " tokens, --voters is " + voters);
        }
        return tokens.subList(0, voters);
    }

    /** A keep-alive client with a connection per probe poll (and one spare). */
    private HttpClient client(Vertx vertx, URI target) {
        return vertx.createHttpClient(new HttpClientOptions().setDefaultHost(target.getHost())
                .setDefaultPort(target.getPort()).setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(probePolls + 1));
    }

    /** One phase: probes every --probe-interval while the load (if any) runs; figures from after the warm-up. */
    /** The Kafka reader of the hop breakdown, or none without --kafka-bootstrap. */
    private HopWatch watch(HopBook hops) throws InterruptedException {
        if (kafkaBootstrap == null || kafkaBootstrap.isBlank()) {
            return null;
        }
        HopWatch watch = new HopWatch(kafkaLogin.properties(), kafkaBootstrap, hops);
        watch.awaitPositioned(Duration.ofSeconds(60));
        return watch;
    }

    private ProbeFigures runPhase(String phase, ProbeTraffic probes, LoadRunner runner, Table table) throws Exception {
        SingleLoop loop = probes.loop();
        Vertx vertx = loop.vertx();
        ProbeBook book = probes.book();
        long timer = loop.call(() -> vertx.setPeriodic(probeInterval.toMillis(), id -> book.next().ifPresent(p -> {
            book.posted(p.poll(), System.nanoTime());
            probes.hops().expect(p.poll(), p.probe());
            probes.send(p);
        })));
        CompletableFuture<Void> reset = new CompletableFuture<>();
        vertx.setTimer(Math.max(1, warmup.toMillis()), id -> {
            book.resetFigures();
            probes.hops().resetFigures();
            reset.complete(null);
        });
        PhaseResult load = null;
        if (runner != null) {
            load = runner.run(phase, rate, warmup, duration, Duration.ofSeconds(10));
        } else {
            Thread.sleep(warmup.toMillis() + duration.toMillis());
        }
        reset.get(1, TimeUnit.MINUTES);
        loop.call(() -> vertx.cancelTimer(timer));
        // Let the last probes show up (bounded): they were sent inside the window.
        for (int i = 0; i < 50 && loop.call(book::pendingCount) > 0; i++) {
            Thread.sleep(100);
        }
        ProbeFigures f = loop.call(() -> new ProbeFigures(LatencySummary.of(book.freshness()),
                LatencySummary.of(book.fromPost()),
                book.completed(), book.skipped(), book.refused(), book.pendingCount(), book.seenBefore202()));
        report(phase, load, f, table);
        return f;
    }

    private void report(String phase, PhaseResult load, ProbeFigures f, Table table) {
        LatencySummary l = f.freshness();
        table.row(phase, rate, load == null ? 0d : load.achievedRate(), load == null ? Double.NaN : load.latency().p99(),
                load == null ? 0d : load.counts().errorRate() * 100, f.completed(), l.p50(), l.p90(), l.p99(),
                l.max(), f.fromPost().p50(), f.fromPost().p99(), f.skipped(), f.refused(), (long) f.pending(),
                f.seenBefore202());
        System.out.printf(Locale.ROOT, "RESULT label=%s rate=%.0f achieved=%.0f load_p99ms=%.2f load_errors=%.4f%% "
                        + "probes=%d fresh_p50ms=%.2f fresh_p90ms=%.2f fresh_p99ms=%.2f fresh_maxms=%.2f post_p50ms=%.2f "
                        + "post_p99ms=%.2f skipped=%d refused=%d pending=%d seen_before_202=%d%n",
                phase, rate, load == null ? 0 : load.achievedRate(), load == null ? Double.NaN : load.latency().p99(),
                load == null ? 0 : load.counts().errorRate() * 100, f.completed(), l.p50(), l.p90(), l.p99(),
                l.max(), f.fromPost().p50(), f.fromPost().p99(), f.skipped(), f.refused(), f.pending(),
                f.seenBefore202());
    }

    private static double median(List<ProbeFigures> figures, ToDoubleFunction<ProbeFigures> figure) {
        return Medians.of(figures.stream().map(figure::applyAsDouble).toList());
    }

    private record ProbeFigures(LatencySummary freshness, LatencySummary fromPost, long completed, long skipped, long refused, int pending,
                                long seenBefore202) {
    }
}
