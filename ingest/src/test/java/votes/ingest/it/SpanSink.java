package votes.ingest.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for the stack's Zipkin server: the application's exporter posts its spans (Zipkin JSON v2 arrays) to
 * {@code /api/v2/spans}, and a GET on the same path answers every span received so far as one array. The OpenTelemetry
 * SDK is turned on with every trace sampled, and batches leave every 100 ms, so a test sees what a start exports.
 */
public class SpanSink implements QuarkusTestResourceLifecycleManager {

    static final String PATH = "/api/v2/spans";

    private final List<String> batches = new ArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, this::handle);
        server.start();
        return Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.traces.sampler.arg", "1.0",
                "quarkus.otel.bsp.schedule.delay", "100ms",
                "votes.trace.zipkin-endpoint", "http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] answer;
        if (exchange.getRequestMethod().equals("POST")) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body); // the Zipkin exporter's default
            }
            String batch = new String(body.readAllBytes(), StandardCharsets.UTF_8).strip();
            synchronized (batches) {
                // Each batch is a JSON array: its elements join the others'.
                batches.add(batch.substring(1, batch.length() - 1));
            }
            answer = new byte[0];
        } else {
            synchronized (batches) {
                answer = ("[" + String.join(",", batches.stream().filter(b -> !b.isBlank()).toList()) + "]")
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
        exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 202 : 200,
                answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }
}
