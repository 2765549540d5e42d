package votes.infra.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import votes.infra.gateway.RecordingUpstream;
import votes.infra.gateway.RunningGateway;

/**
 * The trust boundary of the real gateway in front of recording upstreams: what a client claims about itself does
 * not reach a service, a service's own endpoints are not reachable, and every answer carries the page policy.
 * Clients are told apart by their TCP source address (127.0.0.x); 127.0.0.2 is the one trusted proxy.
 */
class EdgeIT {

    private static final String TRUSTED_PROXY = "127.0.0.2";
    private static final String SPOOFED = "X-Forwarded-For: 6.6.6.6, 203.0.113.7\r\nX-Real-IP: 6.6.6.6\r\n"
            + "Forwarded: for=6.6.6.6\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Host: evil.example\r\n";
    static RecordingUpstream ingest;
    static RecordingUpstream ledger;
    static RecordingUpstream realtime;
    static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        ingest = RecordingUpstream.start();
        ledger = RecordingUpstream.start();
        realtime = RecordingUpstream.start();
        gateway = RunningGateway.start(ingest.port(), ledger.port(), realtime.port(),
                Map.of("GATEWAY_TRUSTED_PROXIES", TRUSTED_PROXY));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        List.of(ingest, ledger, realtime).forEach(RecordingUpstream::close);
    }

    private static String send(String from, String method, String path, String extraHeaders) throws Exception {
        String body = method.equals("POST") ? "{\"optionId\":\"a\"}" : "";
        return RecordingUpstream.exchange(from, gateway.port(), method + " " + path + " HTTP/1.1\r\nHost: localhost:"
                + gateway.port() + "\r\nConnection: close\r\n" + extraHeaders
                + (body.isEmpty() ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n")
                + "\r\n" + body);
    }

    @Test
    void aClientsSpoofedForwardingHeadersNeverReachIngestOnlyItsOwnAddressDoes() throws Exception {
        String answer = send("127.0.0.5", "POST", "/api/v1/polls/p-1/votes", SPOOFED);

        assertThat(answer).startsWith("HTTP/1.1 200");
        RecordingUpstream.Seen seen = ingest.last("/api/v1/polls/p-1/votes");
        assertThat(seen.header("X-Forwarded-For")).isEqualTo("127.0.0.5");
        assertThat(seen.header("X-Real-IP")).isEqualTo("127.0.0.5");
        assertThat(seen.header("Forwarded")).startsWith("for=127.0.0.5;");
        assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(seen.header("X-Forwarded-Host")).isEqualTo("localhost:" + gateway.port());
        assertThat(seen.headers().toString()).doesNotContain("6.6.6.6", "203.0.113.7", "evil.example");
    }

    @Test
    void behindTheTrustedProxyTheClientItNamesIsKeptAndWhatThatClientPrependedIsNot() throws Exception {
        send(TRUSTED_PROXY, "GET", "/api/v1/polls/p-2", SPOOFED);

        RecordingUpstream.Seen seen = ledger.last("/api/v1/polls/p-2");
        assertThat(seen.header("X-Forwarded-For")).isEqualTo("203.0.113.7, " + TRUSTED_PROXY);
        assertThat(seen.header("X-Real-IP")).isEqualTo("203.0.113.7");
        assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(seen.header("X-Forwarded-Host")).isEqualTo("evil.example");
    }

    @Test
    void hopByHopHeadersStopAtTheGatewayWhileTheCorrelationIdPasses() throws Exception {
        send("127.0.0.5", "GET", "/api/v1/polls/p-3", "Keep-Alive: timeout=99\r\nX-Hop: secret\r\n"
                + "Connection: X-Hop\r\nProxy-Authorization: Basic eDp5\r\nX-Request-Id: corr-42\r\n");

        RecordingUpstream.Seen seen = ledger.last("/api/v1/polls/p-3");
        assertThat(seen.header("X-Hop")).isNull();
        assertThat(seen.header("Keep-Alive")).isNull();
        assertThat(seen.header("Proxy-Authorization")).isNull();
        assertThat(seen.header("X-Request-Id")).isEqualTo("corr-42");
    }

    @Test
    void noServicesOwnEndpointIsReachableThroughTheGatewayHoweverThePathIsSpelled() throws Exception {
        for (String path : List.of("/q/openapi", "/q/health", "/q/metrics/base", "/q/dev-ui/", "/api/../q/metrics",
                "//q/openapi", "/%71/openapi", "/api/v1/polls/%2e%2e/%2e%2e/%2e%2e/q/openapi")) {
            String answer = send("127.0.0.5", "GET", path, "");
            assertThat(answer).as(path).startsWith("HTTP/1.1 404")
                    .contains("application/problem+json", "https://votes.dev/problems/not-found");
        }
        for (RecordingUpstream upstream : List.of(ingest, ledger, realtime)) {
            assertThat(upstream.seen()).noneMatch(s -> s.path().contains("/q"));
        }
    }

    @Test
    void theGatewaysOwnMetricsAreItsOwnNotAServices() throws Exception {
        String answer = send("127.0.0.5", "GET", "/q/metrics", "");

        assertThat(answer).startsWith("HTTP/1.1 200").contains("gateway_");
        assertThat(realtime.seen()).noneMatch(s -> s.path().startsWith("/q"));
    }

    @Test
    void everyPageCarriesTheOriginsSecurityHeadersReplacingTheUpstreams() throws Exception {
        String page = send("127.0.0.5", "GET", "/results.html", "").toLowerCase();

        assertThat(page).startsWith("http/1.1 200").contains("text/html");
        assertThat(page).contains("content-security-policy: " + PageHeaders.CONTENT_SECURITY_POLICY.toLowerCase())
                .contains("frame-ancestors 'none'").contains("x-content-type-options: nosniff")
                .contains("referrer-policy: no-referrer").doesNotContain("default-src *", "unsafe-url");
        assertThat(send("127.0.0.5", "GET", "/q/openapi", "").toLowerCase())
                .contains("x-content-type-options: nosniff", "frame-ancestors 'none'");
    }
}
