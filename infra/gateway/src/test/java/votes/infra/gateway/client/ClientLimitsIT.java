package votes.infra.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.gateway.GatewayBench;
import votes.infra.gateway.RunningGateway;
import votes.infra.gateway.TestViewers;
import votes.infra.gateway.TestViewers.Viewer;
import votes.infra.stack.Probes;

/**
 * Per-client connection caps, the total cap and the idle timeout of the real gateway. Clients are told apart by
 * their TCP source address (127.0.0.x), as the gateway sees them.
 */
class ClientLimitsIT {

    @RegisterExtension
    static final GatewayBench BENCH = new GatewayBench(Map.of(
            "GATEWAY_MAX_CONNECTIONS_PER_CLIENT", "5",
            "GATEWAY_MAX_CONNECTIONS", "100",
            "GATEWAY_IDLE_TIMEOUT", "1500ms",
            "GATEWAY_SSE_HEARTBEAT", "300ms"));
    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        BENCH.realtime().setVersion("capped", 1);
        gateway = BENCH.gateway();
    }

    @Test
    void anAddressOverItsCapGetsA429ProblemWhileOtherAddressesAreServed() throws Exception {
        try (TestViewers first = new TestViewers(gateway.port(), 20, 1, 10);
             TestViewers other = new TestViewers(gateway.port(), 21, 1, 10)) {
            List<Viewer> five = first.open("/api/v1/polls/capped/results/stream", 5, null);
            assertThat(five).allSatisfy(v -> assertThat(v.status()).isEqualTo(200));

            Viewer sixth = first.open("/api/v1/polls/capped/results/stream", 1, null).get(0);
            assertThat(sixth.status()).isEqualTo(429);
            assertThat(sixth.contentType()).isEqualTo("application/problem+json");
            assertThat(sixth.header("Retry-After")).isNotBlank();
            assertThat(sixth.body()).contains("https://votes.dev/problems/rate-limited", "\"limit\":5");

            assertThat(other.open("/api/v1/polls/capped/results/stream", 5, null))
                    .allSatisfy(v -> assertThat(v.status()).isEqualTo(200));
            assertThat(gateway.metric("gateway_connections_refused_total{reason=\"client-over-cap\"}")).isPositive();
        }
        // The addresses' connections closed with their clients: their places are free again.
        try (TestViewers again = new TestViewers(gateway.port(), 20, 1, 10)) {
            assertThat(Probes.await(Duration.ofSeconds(30), null, () -> {
                try {
                    return again.open("/api/v1/polls/capped/results/stream", 1, null).get(0).status() == 200;
                } catch (Exception e) {
                    return false;
                }
            })).isTrue();
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedWhileAStreamWithHeartbeatsStaysOpen() throws Exception {
        try (TestViewers viewers = new TestViewers(gateway.port(), 23, 1, 1);
             Socket idle = connect("127.0.0.22", gateway.port())) {
            Viewer viewer = viewers.open("/api/v1/polls/capped/results/stream", 1, null).get(0);
            String answer = request(idle, "GET /q/health/ready HTTP/1.1\r\nHost: gateway\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 200").contains("UP");
            long t0 = System.nanoTime();
            assertThat(idle.getInputStream().read()).as("the idle connection is closed by the gateway").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(500));

            Thread.sleep(2_000); // past the idle timeout for the stream too: proves it is NOT closed
            assertThat(viewer.ended()).isFalse();
            assertThat(viewer.comments()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void pastTheTotalCapNewConnectionsAreClosedUnread() throws Exception {
        try (RunningGateway small = BENCH.anotherGateway(Map.of(
                "GATEWAY_MAX_CONNECTIONS", "3", "GATEWAY_MAX_CONNECTIONS_PER_CLIENT", "3"))) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket s = connect("127.0.0." + (30 + i), small.port());
                    held.add(s);
                    assertThat(request(s, "GET /q/health/live HTTP/1.1\r\nHost: gateway\r\n\r\n")).startsWith("HTTP/1.1 200");
                }
                try (Socket refused = connect("127.0.0.40", small.port())) {
                    assertThat(readAfter(refused, "GET /q/health/live HTTP/1.1\r\nHost: gateway\r\n\r\n"))
                            .as("no HTTP answer, the connection is closed").isEmpty();
                }
                held.remove(0).close();
                assertThat(Probes.await(Duration.ofSeconds(30), null, () -> {
                    try {
                        return small.get("/q/metrics").body().contains("gateway_connections_refused_total{reason=\"gateway-full\"} 1");
                    } catch (Exception e) {
                        return false;
                    }
                })).isTrue();
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    private static Socket connect(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** Sends one request and reads its answer (head and a Content-Length body). */
    private static String request(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** What the server sends after the request before closing ("" when it closes without a byte). */
    private static String readAfter(Socket socket, String request) throws IOException {
        try {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException e) {
            return "still open after " + socket.getSoTimeout() + " ms";
        } catch (IOException e) {
            return ""; // reset: closed as well
        }
    }
}
