package votes.system.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import votes.infra.stack.StackPorts;
import votes.infra.test.VoteStackExtension;

/**
 * The whole stack's HTTP listeners as the kernel sees them (/proc/net/tcp and tcp6): the gateway and every service
 * listen on loopback only, and a service's own endpoints answer on its port but not through the gateway.
 */
class LoopbackOnlyIT {

    @RegisterExtension
    static final VoteStackExtension STACK = new VoteStackExtension();

    /** Kernel notation: IPv4 127.0.0.1 (little-endian), IPv6 ::1 and ::ffff:127.0.0.1 (per 32-bit word). */
    private static final Set<String> LOOPBACK = Set.of("0100007F", "00000000000000000000000001000000",
            "0000000000000000FFFF00000100007F");
    private static final String LISTEN = "0A";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theGatewayAndEveryServiceListenOnLoopbackOnly() throws IOException {
        StackPorts ports = STACK.stack().settings().ports();
        Map<String, Integer> http = Map.of("gateway", ports.gateway(), "gateway HTTPS", ports.gatewayTls(),
                "ingest", ports.ingest(), "ledger", ports.ledger(), "realtime", ports.realtime(),
                "projections", ports.projections(), "relay", ports.relay());
        List<String[]> listeners = listeners();
        http.forEach((component, port) -> {
            List<String> addresses = listeners.stream().filter(l -> Integer.parseInt(l[1], 16) == port)
                    .map(l -> l[0]).toList();
            assertThat(addresses).as(component + " on " + port).isNotEmpty().allMatch(LOOPBACK::contains);
        });
    }

    @Test
    void realtimesMetricsAnswerOnItsPortButNotThroughTheGateway() throws Exception {
        StackPorts ports = STACK.stack().settings().ports();
        assertThat(get("http://127.0.0.1:" + ports.realtime() + "/q/metrics").statusCode()).isEqualTo(200);
        for (String path : List.of("/q/openapi", "/q/health", "/api/../q/metrics/")) {
            HttpResponse<String> viaGateway = get(STACK.url() + path);
            assertThat(viaGateway.statusCode()).as(path).isEqualTo(404);
            assertThat(viaGateway.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every listening TCP socket: {local address in hex, port in hex}. */
    private static List<String[]> listeners() throws IOException {
        List<String[]> found = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            Files.readAllLines(file).stream().skip(1).map(String::trim).map(l -> l.split("\\s+"))
                    .filter(f -> f[3].equals(LISTEN)).forEach(f -> found.add(f[1].split(":")));
        }
        return found;
    }
}
