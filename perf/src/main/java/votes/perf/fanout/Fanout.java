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
import votes.perf.load.LoopbackOnly;
import votes.perf.load.Targets;
import votes.perf.load.VoterTokens;
import votes.perf.report.LatencySummary;
import votes.perf.report.PhaseResult;
import votes.perf.report.Table;
import votes.perf.sse.SingleLoop;
import votes.perf.sse.SseStreams;

/**
 * SSE fan-out of one realtime instance: N non-blocking SSE clients (Vert.x, one event loop, spread over several
 * loopback source addresses) on one poll, a vote every --update-interval through ingest (the issue-2 generator's
 * {@link LoadRunner} at that rate), and per update the spread from the first client receiving it to the last
 * ({@link SpreadBook}). Prints a table and RESULT lines.
 */
@Command(name = "fanout", mixinStandardHelpOptions = true, sortOptions = false,
        description = "N SSE clients on one realtime instance: does every client get every update within the window?")
public final class Fanout implements java.util.concurrent.Callable<Integer> {

    private static final Pattern SSE_CLIENTS = Pattern.compile("(?m)^realtime_sse_clients(?:\\{[^}]*\\})?\\s+([0-9.eE+]+)");

    @Option(names = "--url", required = true, description = "ingest base URL (the votes that make updates).")
    String url;

    @Option(names = "--realtime-url", required = true, description = "realtime base URL, directly (not the gateway).")
    String realtimeUrl;

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
            description = "Loopback source addresses the clients are spread over (ephemeral ports per address).")
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
        LoopbackOnly.check(adminUrl);
        for (String a : localAddresses) {
            LoopbackOnly.check("http://" + a + "/");
        }
        if (levels.stream().anyMatch(n -> n < 1 || n > 60_000) || updates < 1 || updates > 1000
                || updateInterval.toMillis() < 50) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "bounded: 1..60000 clients per level, 1..1000 updates, interval >= 50 ms");
        }
        List<String> tokens = VoterTokens.load(tokensFile);
        if (tokens.size() < updates) {
            throw new IllegalArgumentException(tokensFile + " has fewer than " + updates + " tokens");
        }
        String admin = VoterTokens.mint(privateKey, issuer, "perf-admin-", 1, List.of("admin")).get(0);
        Table table = new Table("clients", "connected", "server sse_clients", "updates", "on time %", "worst update %",
                "spread p50 ms", "spread p99 ms", "spread max ms", "delay p99 ms", "votes 202");
        for (int n : levels) {
            String poll = AdminPolls.create(adminUrl, admin, 1, "perf fanout " + n + " " + Instant.now()).get(0);
            Level level = runLevel(ingest, realtime, poll, n, tokens);
            SpreadBook.Summary s = level.summary();
            LatencySummary spread = LatencySummary.of(s.spread());
            LatencySummary delay = LatencySummary.of(s.delay());
            table.row((long) n, (long) level.connected(), level.serverClients(), (long) s.updates().size(),
                    s.onTimeFraction() * 100, s.worstUpdateFraction() * 100, spread.p50(), spread.p99(), spread.max(),
                    delay.p99(), level.votes202());
            System.out.printf(Locale.ROOT, "RESULT label=%s clients=%d connected=%d server_sse_clients=%s updates=%d "
                            + "on_time=%.4f%% worst_update=%.4f%% spread_p50ms=%.1f spread_p99ms=%.1f spread_maxms=%.1f "
                            + "delay_p99ms=%.1f votes202=%d poll=%s%n",
                    label, n, level.connected(), level.serverClients(), s.updates().size(), s.onTimeFraction() * 100,
                    s.worstUpdateFraction() * 100, spread.p50(), spread.p99(), spread.max(), delay.p99(),
                    level.votes202(), poll);
            for (SpreadBook.Update u : s.updates()) {
                System.err.printf(Locale.ROOT, "  n=%d version=%d on_time=%d reached=%d spread=%.1f ms%n",
                        n, u.version(), u.onTime(), u.reached(), u.spreadMicros() / 1000d);
            }
        }
        System.out.println(table.render());
        return 0;
    }

    private record Level(int connected, String serverClients, long votes202, SpreadBook.Summary summary) {
    }

    private Level runLevel(URI ingest, URI realtime, String poll, int n, List<String> tokens) throws Exception {
        try (SingleLoop loop = new SingleLoop()) {
            Vertx vertx = loop.vertx();
            List<HttpClient> clients = new ArrayList<>();
            int perAddress = n / localAddresses.size() + 1;
            for (String address : localAddresses) {
                clients.add(vertx.createHttpClient(new HttpClientOptions().setDefaultHost(realtime.getHost())
                                .setDefaultPort(realtime.getPort()).setLocalAddress(address).setKeepAlive(true)
                                .setTcpNoDelay(true).setConnectTimeout(10_000),
                        new PoolOptions().setHttp1MaxSize(perAddress).setMaxWaitQueueSize(-1)));
            }
            SpreadBook book = new SpreadBook(n);
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
            Thread.sleep(1500); // the initial state reaches every client before the first update
            String serverClients = serverClients(realtime);
            long baseline = loop.call(() -> book.highestUpTo(System.nanoTime()));
            double rate = 1000d / updateInterval.toMillis();
            PhaseResult votes;
            try (LoadRunner runner = new LoadRunner(ingest, tokens, new Targets(List.of(poll), tokens.size()), "a", 1, 4,
                    Duration.ofSeconds(10), updates + 1, 0)) {
                votes = runner.run(label + "-votes@" + n, rate, Duration.ZERO,
                        Duration.ofMillis(updates * updateInterval.toMillis()), Duration.ofSeconds(5));
            }
            Thread.sleep(window.toMillis() + 1500);
            long end = System.nanoTime();
            SpreadBook.Summary summary = loop.call(() -> book.summarize(baseline, end, window.toNanos()));
            for (HttpClient c : clients) {
                c.close();
            }
            return new Level(connected.get(), serverClients, votes.counts().accepted(), summary);
        }
    }

    /** realtime's own count of open streams (/q/metrics), as a check on the client's count; "-" if unavailable. */
    private static String serverClients(URI realtime) {
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(realtime.resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = SSE_CLIENTS.matcher(r.body());
            return m.find() ? String.valueOf((long) Double.parseDouble(m.group(1))) : "-";
        } catch (Exception e) {
            return "-";
        }
    }
}
