package votes.infra.gateway;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import votes.infra.gateway.problem.InvalidRequests;
import java.util.concurrent.atomic.AtomicInteger;

/** One of the gateway's servers: one per event loop, all on the same port, all sharing the gateway's state. */
final class GatewayServer extends AbstractVerticle {

    private final GatewayConfig config;
    private final Handler<HttpConnection> connections;
    private final Handler<HttpServerRequest> requests;
    private final AtomicInteger boundPort;

    GatewayServer(GatewayConfig config, Handler<HttpConnection> connections, Handler<HttpServerRequest> requests,
            AtomicInteger boundPort) {
        this.config = config;
        this.connections = connections;
        this.requests = requests;
        this.boundPort = boundPort;
    }

    @Override
    public void start(Promise<Void> started) {
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(config.port())
                        .setCompressionSupported(false)
                        // No WebSocket behind us: without these, every write to 10,000 viewers skips a pipeline stage.
                        .setPerMessageWebSocketCompressionSupported(false)
                        .setPerFrameWebSocketCompressionSupported(false)
                        // No byte either way for this long: closed (streams get heartbeats more often than this).
                        .setIdleTimeout((int) config.clients().idleTimeout().toMillis())
                        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS))
                .connectionHandler(connections)
                .requestHandler(requests)
                .invalidRequestHandler(new InvalidRequests())
                .listen()
                .onSuccess(server -> boundPort.set(server.actualPort()))
                .<Void>mapEmpty()
                .onComplete(started);
    }
}
