package votes.infra.gateway;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import votes.infra.gateway.problem.InvalidRequests;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One of the gateway's servers: one per event loop, all on the same port, all sharing the gateway's state. With a
 * certificate it is two servers, plain HTTP and HTTPS, with the same options and handlers (one origin, two
 * schemes; the handler tells them apart by {@code request.isSSL()}).
 */
final class GatewayServer extends AbstractVerticle {

    private final GatewayConfig config;
    private final Handler<HttpConnection> connections;
    private final Handler<HttpServerRequest> requests;
    private final AtomicInteger boundPort;
    private final AtomicInteger boundTlsPort;

    GatewayServer(GatewayConfig config, Handler<HttpConnection> connections, Handler<HttpServerRequest> requests,
            AtomicInteger boundPort, AtomicInteger boundTlsPort) {
        this.config = config;
        this.connections = connections;
        this.requests = requests;
        this.boundPort = boundPort;
        this.boundTlsPort = boundTlsPort;
    }

    @Override
    public void start(Promise<Void> started) {
        HttpServerOptions plain = shared().setPort(config.port());
        Future<Void> listening = listen(plain, boundPort);
        if (config.tls().isPresent()) {
            listening = listening.compose(v -> listen(config.tls().get().secure(plain), boundTlsPort));
        }
        listening.onComplete(started);
    }

    private Future<Void> listen(HttpServerOptions options, AtomicInteger bound) {
        return vertx.createHttpServer(options)
                .connectionHandler(connections)
                .requestHandler(requests)
                .invalidRequestHandler(new InvalidRequests())
                .listen()
                .onSuccess(server -> bound.set(server.actualPort()))
                .mapEmpty();
    }

    private HttpServerOptions shared() {
        return new HttpServerOptions().setHost(config.host())
                .setCompressionSupported(false)
                // No WebSocket behind us: without these, every write to 10,000 viewers skips a pipeline stage.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                // No byte either way for this long: closed (streams get heartbeats more often than this).
                .setIdleTimeout((int) config.clients().idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    }
}
