package votes.infra.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one local origin (http://localhost:8080): a streaming reverse proxy on Vert.x that sends each path
 * to the service owning it (see {@link Routes}). Runs as its own process: {@code main}.
 */
public final class Gateway {

    private final Vertx vertx;
    private final GatewayConfig config;
    private final Map<Upstream, HttpProxy> proxies = new EnumMap<>(Upstream.class);

    public Gateway(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.config = config;
        config.upstreams().forEach((upstream, uri) -> proxies.put(upstream, proxyTo(upstream, uri)));
    }

    public static void main(String[] args) {
        GatewayConfig config = GatewayConfig.fromEnv(System.getenv());
        Vertx vertx = Vertx.vertx();
        HttpServer server = new Gateway(vertx, config).listen().toCompletionStage().toCompletableFuture().join();
        System.out.println("gateway listening on 127.0.0.1:" + server.actualPort() + " → " + config.upstreams());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().toCompletionStage().toCompletableFuture().join()));
    }

    public Future<HttpServer> listen() {
        return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(config.port())
                        .setCompressionSupported(false))
                .requestHandler(this::handle)
                .listen();
    }

    private void handle(HttpServerRequest request) {
        String path = Routes.pathOf(request.uri());
        if (path.equals("/q/health/ready") || path.equals("/q/health/live")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\",\"checks\":[]}");
            return;
        }
        proxies.get(Routes.route(request.uri())).handle(request);
    }

    private HttpProxy proxyTo(Upstream upstream, URI uri) {
        // No idle timeout: SSE streams stay open for hours; keep-alive connections are reused under load.
        var client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(256));
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        return HttpProxy.reverseProxy(client).origin(port, uri.getHost()).addInterceptor(new ProblemOnFailure(upstream));
    }
}
