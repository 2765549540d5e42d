package votes.infra.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import votes.infra.gateway.log.AccessLog;

/**
 * Runs the gateway's request path before it listens, on a copy of itself that nothing outside this process reaches:
 * the same code (the servers, the handler, the proxy and its interceptors, the access log), its own Vert.x, a free
 * loopback port, every upstream a stand-in in this process answering a vote's 202, and an access log that writes
 * nowhere. A freshly started gateway otherwise compiles that path on its first seconds of votes: after
 * {@code ./vote up}, 20 s of votes straight to ingest left the first window's 202 p99 at ~0.9 s, the same votes
 * through the gateway at ~0.4 s (perf/RESULTS.md). No real service sees a warm-up request, and the copy, its Vert.x
 * and the stand-in are closed before the real gateway starts.
 */
final class GatewayWarmUp {

    /** Requests through the copy; 0 = no warm-up. More warms more of the path and delays the start. */
    static final String REQUESTS = "GATEWAY_WARM_UP_REQUESTS";
    static final int DEFAULT_REQUESTS = 2_000;
    /** Requests in progress at once per event loop, as a loaded gateway has them. */
    private static final int IN_FLIGHT_PER_LOOP = 16;
    /** A start must not hang on its warm-up: past this, the gateway starts anyway. */
    static final Duration MAX_TIME = Duration.ofSeconds(30);
    private static final String VOTE_PATH = "/api/v1/polls/warm-up.gateway/votes";
    private static final String ACCEPTED = "{\"receiptId\":\"warm-up\",\"status\":\"pending\"}";
    private static final String LOOPBACK = "127.0.0.1";

    private final GatewayConfig config;
    private final int requests;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    GatewayWarmUp(GatewayConfig config, int requests) {
        this.config = config;
        this.requests = requests;
    }

    /** Runs the warm-up; the answers' statuses, by status (all 202 when the path works). */
    Map<Integer, Long> run() {
        if (requests <= 0) {
            return Map.of();
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(config.eventLoops()));
        try {
            HttpServer standIn = vertx.createHttpServer()
                    .requestHandler(request -> request.body().onComplete(body -> request.response().setStatusCode(202)
                            .putHeader("Content-Type", "application/json")
                            .putHeader("Location", "/api/v1/receipts/warm-up").end(ACCEPTED)))
                    .listen(0, LOOPBACK).toCompletionStage().toCompletableFuture().join();
            Gateway copy = new Gateway(vertx, copyBehind(standIn.actualPort()), new AccessLog(config.accessLog(),
                    line -> { }));
            int port = copy.listen().toCompletionStage().toCompletableFuture().join().http();
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                    .setMaxPoolSize(config.eventLoops() * IN_FLIGHT_PER_LOOP));
            Future<?>[] chains = new Future<?>[config.eventLoops() * IN_FLIGHT_PER_LOOP];
            for (int c = 0; c < chains.length; c++) {
                chains[c] = nextRequest(client, port);
            }
            Future.all(List.of(chains)).toCompletionStage().toCompletableFuture()
                    .orTimeout(MAX_TIME.toMillis(), TimeUnit.MILLISECONDS).exceptionally(timedOut -> null).join();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(MAX_TIME.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(notClosed -> null).join();
        }
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, n) -> counts.put(status, n.sum()));
        return counts;
    }

    /** The gateway's own settings with a free port, no HTTPS, and every upstream at the stand-in. */
    private GatewayConfig copyBehind(int standInPort) {
        Map<Upstream, URI> upstreams = new EnumMap<>(Upstream.class);
        config.upstreams().keySet().forEach(upstream -> upstreams.put(upstream,
                URI.create("http://" + LOOPBACK + ":" + standInPort)));
        return new GatewayConfig(0, LOOPBACK, upstreams, config.eventLoops(), config.pools(), config.clients(),
                config.streams(), config.trustedProxies(), Optional.empty(), config.accessLog(), config.pageHeaders());
    }

    /** One chain: a request, then the next once it is answered, until all are taken. */
    private Future<Void> nextRequest(HttpClient client, int port) {
        int i = next.getAndIncrement();
        if (i >= requests) {
            return Future.succeededFuture();
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(LOOPBACK).setPort(port)
                .setURI(VOTE_PATH).putHeader("Content-Type", "application/json")
                .putHeader("Authorization", "Bearer warm-up").putHeader("User-Agent", "votes-gateway-warm-up");
        return client.request(request)
                .compose(sent -> sent.send(Buffer.buffer("{\"optionId\":\"a\"}")))
                .compose(answer -> answer.body().map(body -> answer.statusCode()))
                .otherwise(failed -> 0)
                .compose(status -> {
                    statuses.computeIfAbsent(status, key -> new LongAdder()).increment();
                    return nextRequest(client, port);
                });
    }
}
