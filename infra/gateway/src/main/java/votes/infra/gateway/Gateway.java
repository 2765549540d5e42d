package votes.infra.gateway;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import votes.infra.gateway.client.Admission;
import votes.infra.gateway.client.ClientConnections;
import votes.infra.gateway.client.RefusalLog;
import votes.infra.gateway.edge.ForwardingInterceptor;
import votes.infra.gateway.edge.RequestId;
import votes.infra.gateway.log.AccessLog;
import votes.infra.gateway.log.LogLine;
import votes.infra.gateway.problem.ProblemForBareErrors;
import votes.infra.gateway.problem.ProblemReply;
import votes.infra.gateway.stream.StreamRelay;
import votes.infra.gateway.tls.TlsSettings;
import votes.kit.knob.EnvKnobs;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemType;

/**
 * The one local origin (http://localhost:8080 for local use, https://localhost:8443 with TLS 1.3 only): sends each
 * path to the service owning it (see {@link Routes}).
 * Plain requests go through a streaming reverse proxy (vertx-http-proxy) with a bounded pool per upstream and
 * event loop; results streams are relayed, one upstream subscription per poll for all its viewers
 * ({@link StreamRelay}); every client connection is counted against per-address and total caps and closed when
 * idle. Runs as its own process: {@code main}.
 */
public final class Gateway {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    /** Told to a client over its per-address cap: by then some of its other connections have likely closed. */
    private static final Duration OVER_CAP_RETRY_AFTER = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final GatewayConfig config;
    private final Map<Upstream, ProblemOnFailure> failures = new EnumMap<>(Upstream.class);
    private final StreamRelay streams;
    private final ClientConnections connections;
    private final RefusalLog refusals;
    private final Set<HttpConnection> overCap = ConcurrentHashMap.newKeySet();
    private final GatewayMetrics metrics;
    private final AccessLog accessLog;

    public Gateway(Vertx vertx, GatewayConfig config) {
        this(vertx, config, AccessLog.toStdout(config.accessLog()));
    }

    /** @param accessLog where the access lines go (stdout in production; tests read them) */
    public Gateway(Vertx vertx, GatewayConfig config, AccessLog accessLog) {
        this.vertx = vertx;
        this.config = config;
        this.accessLog = accessLog;
        config.upstreams().keySet().forEach(upstream -> failures.put(upstream, new ProblemOnFailure(upstream)));
        this.streams = new StreamRelay(vertx, config.upstreams().get(Upstream.REALTIME), config.streams());
        this.connections = new ClientConnections(config.clients());
        this.refusals = new RefusalLog(config.clients().refusalLogInterval());
        this.metrics = new GatewayMetrics(connections, streams, failures);
        vertx.setPeriodic(config.clients().refusalLogInterval().toMillis(),
                id -> refusals.flush(System.nanoTime()).ifPresent(LogLine::info));
    }

    public static void main(String[] args) {
        GatewayConfig config = GatewayConfig.fromEnv(System.getenv());
        warmUp(config, new EnvKnobs(System.getenv()).integer(GatewayWarmUp.REQUESTS, GatewayWarmUp.DEFAULT_REQUESTS));
        // One loop per server instance, plus the proxy clients' and the relay's work sharing them.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(config.eventLoops()));
        Ports ports = new Gateway(vertx, config).listen().toCompletionStage().toCompletableFuture().join();
        String https = ports.https().isPresent()
                ? " and 127.0.0.1:" + ports.https().getAsInt() + " (HTTPS, " + TlsSettings.PROTOCOL + " only)"
                : ", no HTTPS (no TLS_CERT_FILE)";
        LogLine.info("listening on 127.0.0.1:" + ports.http() + " (HTTP, local use)" + https + " → " + config.upstreams() + "; "
                + config.eventLoops() + " event loops, " + config.clients() + ", " + config.streams() + ", "
                + config.pools() + ", " + config.trustedProxies());
        warnIfDescriptorsShort(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().toCompletionStage().toCompletableFuture().join()));
    }

    /** Before the gateway listens (and so answers its readiness probe): {@link GatewayWarmUp}. */
    private static void warmUp(GatewayConfig config, int requests) {
        if (requests <= 0) {
            return;
        }
        long began = System.nanoTime();
        try {
            Map<Integer, Long> statuses = new GatewayWarmUp(config, requests).run();
            LogLine.info("request path warmed up in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)
                    + " ms: " + statuses.values().stream().mapToLong(Long::longValue).sum() + " of " + requests
                    + " requests through a copy of the gateway to a stand-in, by status " + statuses);
        } catch (RuntimeException e) {
            // A warm-up is worth seconds of latency, never the gateway itself.
            LogLine.warn("request path warm-up failed after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)
                    + " ms (" + e + "): starting cold");
        }
    }

    /** Where the gateway listens: plain HTTP always, HTTPS when it has a certificate. */
    public record Ports(int http, OptionalInt https) {
    }

    /** Starts one server per event loop on each port (Vert.x spreads connections over them); the bound ports. */
    public Future<Ports> listen() {
        AtomicInteger port = new AtomicInteger();
        AtomicInteger tlsPort = new AtomicInteger();
        return vertx.deployVerticle(() -> new GatewayServer(config, this::connected, requestsOnOneLoop(), port, tlsPort),
                        new DeploymentOptions().setInstances(config.eventLoops()))
                .map(id -> new Ports(port.get(),
                        config.tls().isPresent() ? OptionalInt.of(tlsPort.get()) : OptionalInt.empty()));
    }

    /**
     * One server instance's request handler, with upstream clients of its own. A Vert.x client's pool hands a request
     * the idle connection that answered last, whatever event loop that connection lives on, and a request riding
     * another loop's connection crosses threads at each step (headers, body, end, the response): with one client shared
     * by the loops the loops switched 8.4 times per proxied vote, 2.2 with a client per loop (perf/RESULTS.md). A
     * client used by one loop only opens every connection on that loop (a pool with no event loops of its own uses the
     * caller's), so a request stays on the loop that got it.
     */
    private Handler<HttpServerRequest> requestsOnOneLoop() {
        Map<Upstream, HttpProxy> proxies = new EnumMap<>(Upstream.class);
        GatewayConfig.UpstreamPools pools = config.pools().perLoop(config.eventLoops());
        config.upstreams().forEach((upstream, uri) -> proxies.put(upstream, proxyTo(upstream, uri, pools)));
        return request -> handle(request, proxies);
    }

    private void connected(HttpConnection connection) {
        String address = connection.remoteAddress().hostAddress();
        Admission admission = connections.admit(address);
        switch (admission) {
            case ADMITTED -> connection.closeHandler(v -> connections.release(address));
            case CLIENT_OVER_CAP -> {
                // Told why on its first request (429 problem+json), then closed; the idle timeout ends it otherwise.
                overCap.add(connection);
                connection.closeHandler(v -> overCap.remove(connection));
            }
            case GATEWAY_FULL -> connection.close(); // no descriptor to spare for an answer
        }
        if (admission != Admission.ADMITTED) {
            refusals.refused(admission, address, System.nanoTime()).ifPresent(LogLine::info);
        }
    }

    private void handle(HttpServerRequest request, Map<Upstream, HttpProxy> proxies) {
        // Decided here, forwarded to the service (which echoes it) and put on the gateway's own answers.
        String requestId = RequestId.decide(request.getHeader(RequestId.HEADER));
        request.headers().set(RequestId.HEADER, requestId);
        Runnable left = accessLog.track(request, requestId);
        // Last, so they replace whatever an upstream sent: one policy for every answer of the origin.
        request.response().headersEndHandler(v -> {
            config.pageHeaders().apply(request.response().headers());
            if (!request.response().headers().contains(RequestId.HEADER)) {
                request.response().headers().set(RequestId.HEADER, requestId);
            }
            if (request.isSSL()) {
                config.tls().ifPresent(tls -> tls.markSecure(request.response().headers()));
            }
        });
        if (overCap.contains(request.connection())) {
            HttpConnection connection = request.connection();
            request.response().putHeader("Connection", "close").endHandler(v -> connection.close());
            ProblemReply.send(request.response(), Problem.of(ProblemType.RATE_LIMITED, "This address holds "
                    + config.clients().maxPerClient() + " connections to the gateway already; close some or retry later.")
                    .with("limit", config.clients().maxPerClient()), OVER_CAP_RETRY_AFTER);
            return;
        }
        String path = Routes.pathOf(request.uri());
        if (path.equals("/q/health/ready") || path.equals("/q/health/live")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\",\"checks\":[]}");
            return;
        }
        if (path.equals("/q/metrics")) {
            request.response().putHeader("Content-Type", GatewayMetrics.CONTENT_TYPE).end(metrics.render());
            return;
        }
        if (Routes.isServiceInternal(request.path())) {
            ProblemReply.send(request.response(), Problem.of(ProblemType.NOT_FOUND, "Not served through the gateway: "
                    + "a service's own endpoints are on its port."), null);
            return;
        }
        if (Routes.isResultsStream(request.method().name(), request.uri())) {
            streams.open(request, left);
            return;
        }
        proxies.get(Routes.route(request.uri())).handle(request);
    }

    private HttpProxy proxyTo(Upstream upstream, URI uri, GatewayConfig.UpstreamPools pools) {
        // Request/response traffic only (streams never take one of these connections); a bounded wait queue, past
        // which ProblemOnFailure answers 503 at once.
        var client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                        .setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(pools.size()).setMaxWaitQueueSize(pools.waitQueue()));
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        return HttpProxy.reverseProxy(client).origin(port, uri.getHost())
                .addInterceptor(new ForwardingInterceptor(config.trustedProxies())).addInterceptor(failures.get(upstream))
                .addInterceptor(new ProblemForBareErrors(upstream.name().toLowerCase()));
    }

    private static void warnIfDescriptorsShort(GatewayConfig config) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os
                && os.getMaxFileDescriptorCount() < config.descriptorBudget()) {
            LogLine.warn("the open-files limit (" + os.getMaxFileDescriptorCount() + ") is below what the caps allow ("
                    + config.descriptorBudget() + " = connections + subscriptions + pools): lower "
                    + GatewayConfig.MAX_CONNECTIONS + " or raise ulimit -n, or a flood ends in 'too many open files'");
        }
    }
}
