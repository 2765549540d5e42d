package votes.infra.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A service behind the gateway that records every request it gets (path and headers) and answers a small HTML
 * page carrying weak security headers of its own, so a test sees both what crossed the boundary and what the
 * gateway made of the answer. Plus a raw client that connects from a chosen loopback address (127.0.0.x).
 */
public final class RecordingUpstream implements AutoCloseable {

    /** What the upstream saw of one request. */
    public record Seen(String path, Map<String, List<String>> headers) {

        /** Every value of a header, joined as one list line; null when absent. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private RecordingUpstream(HttpServer server) {
        this.server = server;
    }

    /** On a free loopback port: {@link #port()}. */
    public static RecordingUpstream start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        RecordingUpstream upstream = new RecordingUpstream(server);
        server.createContext("/", upstream::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return upstream;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** The last request whose path is {@code path}. */
    public Seen last(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no request for " + path + " reached the upstream: " + seen));
    }

    private void answer(HttpExchange exchange) throws IOException {
        seen.add(new Seen(exchange.getRequestURI().getRawPath(), Map.copyOf(exchange.getRequestHeaders())));
        byte[] page = "<!doctype html><title>page</title>".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().add("Content-Security-Policy", "default-src *");
        exchange.getResponseHeaders().add("Referrer-Policy", "unsafe-url");
        exchange.sendResponseHeaders(200, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    /** One HTTP/1.1 exchange from the loopback address {@code from}; the whole answer, head and body. */
    public static String exchange(String from, int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
