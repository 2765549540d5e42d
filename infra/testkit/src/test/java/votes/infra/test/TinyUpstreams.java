package votes.infra.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Stand-ins for ledger and ingest: echo what arrived (method, path, headers, body), plus one SSE stream. */
final class TinyUpstreams implements AutoCloseable {

    private final List<HttpServer> servers;
    private final CountDownLatch secondEvent = new CountDownLatch(1);

    private TinyUpstreams(List<HttpServer> servers) {
        this.servers = servers;
    }

    static TinyUpstreams start(int ledgerPort, int ingestPort) throws IOException {
        HttpServer ledger = HttpServer.create(new InetSocketAddress("127.0.0.1", ledgerPort), 0);
        HttpServer ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", ingestPort), 0);
        TinyUpstreams upstreams = new TinyUpstreams(List.of(ledger, ingest));
        ledger.createContext("/", exchange -> upstreams.echo(exchange, "ledger", 200));
        ledger.createContext("/api/v1/stream", upstreams::stream);
        ingest.createContext("/", exchange -> upstreams.echo(exchange, "ingest", 202));
        for (HttpServer server : upstreams.servers) {
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }
        return upstreams;
    }

    void releaseSecondEvent() {
        secondEvent.countDown();
    }

    private void echo(HttpExchange exchange, String name, int status) throws IOException {
        StringBuilder body = new StringBuilder(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n");
        exchange.getRequestHeaders().forEach((k, v) -> body.append(k.toLowerCase()).append('=').append(String.join(",", v)).append('\n'));
        body.append(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("X-Upstream", name);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("data: one\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (!secondEvent.await(20, TimeUnit.SECONDS)) {
                return;
            }
            out.write("data: two\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
    }
}
