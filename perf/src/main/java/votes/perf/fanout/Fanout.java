package votes.perf.fanout;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.perf.load.AdminPolls;
import votes.perf.load.Durations;
import votes.perf.load.LoadRunner;
import votes.perf.load.LoopbackAddresses;
import votes.perf.load.LoopbackOnly;
import votes.perf.load.Targets;
import votes.perf.load.VoterTokens;
import votes.perf.report.LatencySummary;
import votes.perf.report.PhaseResult;
import votes.perf.report.Table;
import votes.perf.sse.SingleLoop;
import votes.perf.sse.SseStreams;

/**
 * SSE fan-out: N non-blocking SSE clients (Vert.x, one event loop, spread over many loopback source addresses) on
 * one poll, straight to one realtime instance or through the gateway (--gateway-url), a vote every
 * --update-interval (the issue-2 generator's {@link LoadRunner} at that rate, to --url), and per update the spread
 * from the first client receiving it to the last ({@link SpreadBook}). With --results-rate, {@code GET …/results}
 * runs meanwhile at a fixed rate (open model, the same generator) and its latency is reported. Prints a table and
 * RESULT lines.
 */
@Command(name = "fanout", mixinStandardHelpOptions = true, sortOptions = false,
        description = "N SSE clients on realtime or through the gateway: does every client get every update within the"
                + " window, and do results and votes keep their latency meanwhile?")
public final class Fanout implements java.util.concurrent.Callable<Integer> {

    private static final Pattern SSE_CLIENTS = Pattern.compile("(?m)^realtime_sse_clients(?:\\{[^}]*\\})?\\s+([0-9.eE+]+)");
    private static final Pattern GATEWAY_VIEWERS = Pattern.compile("(?m)^gateway_sse_viewers\\s+([0-9.eE+]+)");

    @Option(names = "--url", required = true, description = "Where the votes that make updates go: ingest, or the gateway.")
    String url;

    @Option(names = "--realtime-url", required = true, description = "realtime base URL, directly.")
    String realtimeUrl;

    @Option(names = "--gateway-url", description = "If set, the streams (and the results reads) go through the gateway.")
    String gatewayUrl;

    @Option(names = "--results-rate", defaultValue = "0",
            description = "GET …/results per second while the votes run (open model); 0 = none.")
    double resultsRate;

    @Option(names = "--results-connections", defaultValue = "16", description = "Connections of each results reader.")
    int resultsConnections;

    @Option(names = "--results-direct-url", description = "If set, a second reader at the same rate goes there"
            + " (realtime directly), as a control for the reads through the gateway.")
    String resultsDirectUrl;

    @Option(names = "--admin-url", required = true)
    String adminUrl;

    @Option(names = "--private-key", required = true)
    Path privateKey;

    @Option(names = "--tokens-file", required = true)
    Path tokensFile;

    @Option(names = "--issuer", defaultValue = "https://votes.local/dev")
    String issuer;

    @Option(names = "--clients", split = ",", defaultValue = "1000,5000,10000", description = "Client counts, one level each.")
    List<Integer> levels;

    @Option(names = "--local-addresses", split = ",", defaultValue = "127.0.0.1,127.0.0.2,127.0.0.3,127.0.0.4",
            description = "Loopback source addresses the clients are spread over (ephemeral ports per address; the"
                    + " gateway caps connections per address): a.b.c.d, or a.b.c.d+N for N consecutive ones.")
    List<String> localAddresses;

    @Option(names = "--connect-batch", defaultValue = "500", description = "Streams opened at once (then wait for them).")
    int connectBatch;

    @Option(names = "--updates", defaultValue = "20", description = "Votes cast per level (one update each).")
    int updates;

    @Option(names = "--update-interval", defaultValue = "500ms", converter = Durations.class)
    Duration updateInterval;

    @Option(names = "--window", defaultValue = "1s", converter = Durations.class, description = "On time = within this of the first client.")
    Duration window;

    @Option(names = "--label", defaultValue = "fanout")
    String label;

    public static void main(String[] args) {
        System.exit(votes.perf.report.CliErrors.run(new Fanout(), args));
    }

    @Override
    public Integer call() throws Exception {
        URI ingest = LoopbackOnly.check(url);
        URI realtime = LoopbackOnly.check(realtimeUrl);
        URI gateway = gatewayUrl == null ? null : LoopbackOnly.check(gatewayUrl);
        URI streams = gateway == null ? realtime : gateway;
        List<URI> readOrigins = new ArrayList<>(List.of(streams));
        if (resultsDirectUrl != null) {
            readOrigins.add(LoopbackOnly.check(resultsDirectUrl));
        }
        LoopbackOnly.check(adminUrl);
        localAddresses = LoopbackAddresses.expand(localAddresses);
        if (levels.stream().anyMatch(n -> n < 1 || n > 60_000) || updates < 1 || updates > 1000
                || updateInterval.toMillis() < 50 || resultsRate < 0 || resultsRate > 10_000) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "bounded: 1..60000 clients per level, 1..1000 updates, interval >= 50 ms, results rate 0..10000/s");
        }
        List<String> tokens = VoterTokens.load(tokensFile);
        if (tokens.size() < updates) {
            throw new IllegalArgumentException(tokensFile + " has fewer than " + updates + " tokens");
        }
        String admin = VoterTokens.mint(privateKey, issuer, "perf-admin-", 1, List.of("admin")).get(0);
        String via = gateway == null ? "realtime" : "gateway";
        Table table = new Table("clients", "via", "connected", "server viewers", "updates", "on time %", "worst update %",
                "spread p50 ms", "spread p99 ms", "delay p99 ms", "votes 202", "vote p50 ms", "vote p99 ms");
        Table reads = new Table("clients", "results from", "n", "200", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "send-lag p99 ms");
        for (int n : levels) {
            String poll = AdminPolls.create(adminUrl, admin, 1, "perf fanout " + n + " " + Instant.now()).get(0);
            Level level = runLevel(ingest, streams, gateway != null, readOrigins, poll, n, tokens);
            report(level, n, via, poll, table, reads);
        }
        System.out.println(table.render());
        if (resultsRate > 0) {
            System.out.println(reads.render());
        }
        return 0;
    }

    /** One level's RESULT and READS lines and table rows; each update's spread on stderr. */
    private void report(Level level, int n, String via, String poll, Table table, Table reads) {
        SpreadBook.Summary s = level.summary();
        LatencySummary spread = LatencySummary.of(s.spread());
        LatencySummary delay = LatencySummary.of(s.delay());
        LatencySummary vote = level.votes().latency();
        table.row((long) n, via, (long) level.connected(), level.serverClients(), (long) s.updates().size(),
                s.onTimeFraction() * 100, s.worstUpdateFraction() * 100, spread.p50(), spread.p99(), delay.p99(),
                level.votes().counts().accepted(), vote.p50(), vote.p99());
        System.out.printf(Locale.ROOT, "RESULT label=%s via=%s clients=%d connected=%d server_sse_clients=%s updates=%d "
                        + "on_time=%.4f%% worst_update=%.4f%% spread_p50ms=%.1f spread_p99ms=%.1f spread_maxms=%.1f "
                        + "delay_p99ms=%.1f votes202=%d vote_p50ms=%.1f vote_p99ms=%.1f poll=%s%n",
                label, via, n, level.connected(), level.serverClients(), s.updates().size(), s.onTimeFraction() * 100,
                s.worstUpdateFraction() * 100, spread.p50(), spread.p99(), spread.max(), delay.p99(),
                level.votes().counts().accepted(), vote.p50(), vote.p99(), poll);
        for (int i = 0; i < level.reads().size(); i++) {
            PhaseResult r = level.reads().get(i);
            String from = i == 0 ? via : "realtime-direct";
            LatencySummary l = r.latency();
            // send-lag: how late the reader itself sent (its loop shares a core with 10,000 viewers' parsing); a
            // large one says the figure is the client's, not the server's.
            reads.row((long) n, from, l.count(), r.counts().accepted(), r.counts().errors(), l.p50(), l.p90(), l.p99(),
                    l.max(), r.sendLag().p99());
            System.out.printf(Locale.ROOT, "READS label=%s clients=%d from=%s n=%d ok=%d errors=%d p50ms=%.1f "
                            + "p99ms=%.1f maxms=%.1f sendlag_p99ms=%.1f rate=%.0f%n", label, n, from, l.count(),
                    r.counts().accepted(), r.counts().errors(), l.p50(), l.p99(), l.max(), r.sendLag().p99(), resultsRate);
        }
        for (SpreadBook.Update u : s.updates()) {
            System.err.printf(Locale.ROOT, "  n=%d version=%d on_time=%d reached=%d spread=%.1f ms%n",
                    n, u.version(), u.onTime(), u.reached(), u.spreadMicros() / 1000d);
        }
    }

    /** One level's outcome; {@code reads} in the order of the read origins, empty when no reads ran. */
    private record Level(int connected, String serverClients, PhaseResult votes, List<PhaseResult> reads,
                         SpreadBook.Summary summary) {
    }

    private Level runLevel(URI ingest, URI streams, boolean viaGateway, List<URI> readOrigins, String poll, int n,
            List<String> tokens) throws Exception {
        ResultsReaders.awaitResults(streams, poll, Duration.ofMinutes(1));
        try (SingleLoop loop = new SingleLoop()) {
            Vertx vertx = loop.vertx();
            List<HttpClient> clients = clients(vertx, streams, n);
            SpreadBook book = new SpreadBook(n);
            int connected = openStreams(clients, poll, n, book);
            Thread.sleep(1500); // the initial state reaches every client before the first update
            String serverClients = serverClients(streams, viaGateway ? GATEWAY_VIEWERS : SSE_CLIENTS);
            long baseline = loop.call(() -> book.highestUpTo(System.nanoTime()));
            double rate = 1000d / updateInterval.toMillis();
            Duration measured = Duration.ofMillis(updates * updateInterval.toMillis());
            PhaseResult votes;
            List<PhaseResult> reads;
            try (LoadRunner runner = new LoadRunner(ingest, tokens, new Targets(List.of(poll), tokens.size()), "a", 1, 4,
                    Duration.ofSeconds(10), updates + 1, 0);
                 ResultsReaders readers = new ResultsReaders(resultsRate > 0 ? readOrigins : List.of(), poll,
                         resultsConnections)) {
                // The reads run beside the votes, over the same window, each origin on its own event loop.
                CompletableFuture<List<PhaseResult>> reading = readers.run(label + "@" + n, resultsRate, measured);
                votes = runner.run(label + "-votes@" + n, rate, Duration.ZERO, measured, Duration.ofSeconds(5));
                reads = reading.get(10, TimeUnit.MINUTES);
            }
            Thread.sleep(window.toMillis() + 1500);
            long end = System.nanoTime();
            SpreadBook.Summary summary = loop.call(() -> book.summarize(baseline, end, window.toNanos()));
            for (HttpClient c : clients) {
                c.close();
            }
            return new Level(connected, serverClients, votes, reads, summary);
        }
    }

    /** One client per local address, together able to hold {@code n} streams. */
    private List<HttpClient> clients(Vertx vertx, URI streams, int n) {
        List<HttpClient> clients = new ArrayList<>();
        int perAddress = n / localAddresses.size() + 1;
        for (String address : localAddresses) {
            clients.add(vertx.createHttpClient(new HttpClientOptions().setDefaultHost(streams.getHost())
                            .setDefaultPort(streams.getPort()).setLocalAddress(address).setKeepAlive(true)
                            .setTcpNoDelay(true).setConnectTimeout(10_000),
                    new PoolOptions().setHttp1MaxSize(perAddress).setMaxWaitQueueSize(-1)));
        }
        return clients;
    }

    /** Opens {@code n} streams on the poll, --connect-batch at a time, each feeding the book; @return how many opened */
    private int openStreams(List<HttpClient> clients, String poll, int n, SpreadBook book) throws Exception {
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += connectBatch) {
            List<CompletableFuture<Void>> wave = new ArrayList<>();
            for (int c = from; c < Math.min(n, from + connectBatch); c++) {
                int client = c;
                Future<Void> opened = SseStreams.open(clients.get(c % clients.size()), poll, r -> {
                    long version = r.event().id() >= 0 ? r.event().id() : r.event().longField("version");
                    if (version >= 0) {
                        book.received(client, version, r.nanos());
                    }
                });
                wave.add(opened.toCompletionStage().toCompletableFuture()
                        .handle((v, e) -> {
                            if (e == null) {
                                connected.incrementAndGet();
                            } else if (failed.incrementAndGet() <= 5) {
                                System.err.println("stream " + client + " failed: " + e);
                            }
                            return null;
                        }));
            }
            CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        }
        System.err.printf(Locale.ROOT, "level %d: %d streams open, %d failed, in %.1f s%n", n, connected.get(),
                failed.get(), (System.nanoTime() - t0) / 1e9);
        return connected.get();
    }

    /**
     * The server's own count of open streams (/q/metrics: realtime's sse clients, or the gateway's viewers), as a
     * check on the client's count; "-" if unavailable.
     */
    private static String serverClients(URI server, Pattern series) {
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = series.matcher(r.body());
            return m.find() ? String.valueOf((long) Double.parseDouble(m.group(1))) : "-";
        } catch (Exception e) {
            return "-";
        }
    }
}
