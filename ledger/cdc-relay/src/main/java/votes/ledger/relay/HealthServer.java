package votes.ledger.relay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** {@code /q/health/ready}, {@code /q/health/live} and {@code /q/metrics}, the paths every service of ours answers. */
final class HealthServer implements AutoCloseable {

    private static final String UP = "{\"status\":\"UP\",\"checks\":[]}";

    private final HttpServer server;

    HealthServer(String host, int port, RelayStatus status) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        server.createContext("/q/health/ready", exchange ->
                answer(exchange, status.ready() ? 200 : 503, "application/json", status::readiness));
        server.createContext("/q/health/live", exchange -> answer(exchange, 200, "application/json", () -> UP));
        server.createContext("/q/health", exchange ->
                answer(exchange, status.ready() ? 200 : 503, "application/json", status::readiness));
        server.createContext("/q/metrics", exchange ->
                answer(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", status::prometheus));
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "relay-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String type, Supplier<String> body) throws IOException {
        try (exchange) {
            boolean exact = exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath());
            byte[] bytes = (exact ? body.get() : "{\"status\":\"not found\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", exact ? type : "application/json");
            exchange.sendResponseHeaders(exact ? status : 404, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
