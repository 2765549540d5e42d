package votes.infra.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import votes.infra.gateway.log.AccessLog;
import votes.infra.stack.StackPorts;

/** The real gateway code in this JVM, on its own Vert.x and a free port, configured by GATEWAY_* as in production. */
public final class RunningGateway implements AutoCloseable {

    private final Vertx vertx;
    private final int port;
    private final OptionalInt httpsPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RunningGateway(Vertx vertx, Gateway.Ports ports) {
        this.vertx = vertx;
        this.port = ports.http();
        this.httpsPort = ports.https();
    }

    /** @param knobs GATEWAY_* variables (and TLS_CERT_FILE, TLS_KEY_FILE for HTTPS) on top of the defaults */
    public static RunningGateway start(int ingest, int ledger, int realtime, Map<String, String> knobs) throws Exception {
        return start(ingest, ledger, realtime, knobs, System.out::println);
    }

    /** @param accessLines where the gateway writes its access-log lines (stdout in production) */
    public static RunningGateway start(int ingest, int ledger, int realtime, Map<String, String> knobs,
            Consumer<String> accessLines) throws Exception {
        // Its two ports are bound together, after both are chosen: different from each other and from the upstreams'.
        List<Integer> own = StackPorts.freePorts(2, Set.of(ingest, ledger, realtime));
        Map<String, String> env = new HashMap<>(GatewayConfig.env(own.get(0), ingest, ledger, realtime));
        env.put("HTTPS_PORT", Integer.toString(own.get(1)));
        env.putAll(knobs);
        GatewayConfig config = GatewayConfig.fromEnv(env);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(config.eventLoops()));
        Gateway.Ports ports = new Gateway(vertx, config, new AccessLog(config.accessLog(), accessLines)).listen()
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return new RunningGateway(vertx, ports);
    }

    public static int freePort() {
        return StackPorts.freePort();
    }

    public int port() {
        return port;
    }

    /** The HTTPS port, when started with a certificate. */
    public int httpsPort() {
        return httpsPort.orElseThrow(() -> new IllegalStateException("started without TLS_CERT_FILE: no HTTPS"));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A value of the gateway's own /q/metrics, e.g. {@code gateway_sse_viewers}. */
    public long metric(String series) throws Exception {
        String text = get("/q/metrics").body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\d+)$").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(series + " not in /q/metrics:\n" + text);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
