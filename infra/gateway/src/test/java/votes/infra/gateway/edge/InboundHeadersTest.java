package votes.infra.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class InboundHeadersTest {

    private static final InetAddress CLIENT = AddressLiteral.parse("203.0.113.7").orElseThrow();
    private static final InetAddress FRONT_PROXY = AddressLiteral.parse("10.0.0.5").orElseThrow();

    private final InboundHeaders noTrust = new InboundHeaders(TrustedProxies.none());
    private final InboundHeaders trustingFront = new InboundHeaders(TrustedProxies.parse("10.0.0.0/8"));

    @Test
    void aClientsOwnForwardingClaimsAreReplacedByItsPeerAddress() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("X-Forwarded-For", "1.2.3.4").add("X-Forwarded-For", "5.6.7.8, 9.9.9.9")
                .add("Forwarded", "for=1.2.3.4").add("X-Real-IP", "1.2.3.4").add("True-Client-IP", "1.2.3.4")
                .add("X-Forwarded-Proto", "https").add("X-Forwarded-Host", "bank.example")
                .add("X-Forwarded-Port", "443").add("X-Forwarded-Prefix", "/admin")
                .add("X-Forwarded-Trusted-Proxy", "true");

        noTrust.rewrite(headers, CLIENT, "localhost:8080", "http", 8080);

        assertThat(headers.getAll("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(headers.get("X-Real-IP")).isEqualTo("203.0.113.7");
        assertThat(headers.get("Forwarded")).isEqualTo("for=203.0.113.7;host=\"localhost:8080\";proto=http");
        assertThat(headers.get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(headers.get("X-Forwarded-Host")).isEqualTo("localhost:8080");
        assertThat(headers.get("X-Forwarded-Port")).isEqualTo("8080");
        assertThat(headers.names()).doesNotContain("True-Client-IP", "X-Forwarded-Prefix", "X-Forwarded-Trusted-Proxy");
    }

    @Test
    void aClientsTraceContextGoesOnToTheServiceAsItCame() {
        // W3C Trace Context: the caller's traceparent (and vendor tracestate) is how a sampled vote becomes one trace.
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("traceparent", traceparent)
                .add("tracestate", "vendor=opaque");

        noTrust.rewrite(headers, CLIENT, "localhost:8080", "http", 8080);

        assertThat(headers.get("traceparent")).isEqualTo(traceparent);
        assertThat(headers.get("tracestate")).isEqualTo("vendor=opaque");
    }

    @Test
    void aTrustedProxysChainIsKeptFromTheClientOnwardAndWhatTheClientPrependedIsDropped() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("X-Forwarded-For", "6.6.6.6, 203.0.113.7, 10.1.1.1")
                .add("X-Forwarded-Proto", "https").add("X-Forwarded-Host", "votes.example").add("X-Forwarded-Port", "443");

        trustingFront.rewrite(headers, FRONT_PROXY, "gateway:8080", "http", 8080);

        assertThat(headers.get("X-Forwarded-For")).isEqualTo("203.0.113.7, 10.1.1.1, 10.0.0.5");
        assertThat(headers.get("X-Real-IP")).isEqualTo("203.0.113.7");
        assertThat(headers.get("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(headers.get("X-Forwarded-Host")).isEqualTo("votes.example");
        assertThat(headers.get("X-Forwarded-Port")).isEqualTo("443");
        assertThat(headers.get("Forwarded"))
                .isEqualTo("for=203.0.113.7, for=10.1.1.1, for=10.0.0.5;host=\"votes.example\";proto=https");
    }

    @Test
    void anUntrustedPeerCannotSetTheSchemeOrHostEvenWhenItIsInsideTheTrustedChainsFormat() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("X-Forwarded-For", "10.0.0.9").add("X-Forwarded-Proto", "https");

        trustingFront.rewrite(headers, CLIENT, "localhost:8080", "http", 8080);

        assertThat(headers.get("X-Forwarded-For")).isEqualTo("203.0.113.7");
        assertThat(headers.get("X-Forwarded-Proto")).isEqualTo("http");
    }

    @Test
    void aTrustedProxysSchemeIsKeptOnlyWhenItIsHttpOrHttps() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("X-Forwarded-Proto", "https;for=1.2.3.4").add("X-Forwarded-Host", "votes.example");

        trustingFront.rewrite(headers, FRONT_PROXY, "gateway:8080", "http", 8080);

        assertThat(headers.get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(headers.get("Forwarded")).isEqualTo("for=10.0.0.5;host=\"gateway:8080\";proto=http");
    }

    @Test
    void aTrustedProxyThatSendsNoSchemeGetsTheConnectionsOwn() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("X-Forwarded-For", "203.0.113.7").add("X-Forwarded-Host", "votes.example");

        trustingFront.rewrite(headers, FRONT_PROXY, "gateway:8080", "http", 8080);

        assertThat(headers.get("X-Forwarded-For")).isEqualTo("203.0.113.7, 10.0.0.5");
        assertThat(headers.get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(headers.get("Forwarded"))
                .isEqualTo("for=203.0.113.7, for=10.0.0.5;host=\"gateway:8080\";proto=http");
    }

    @Test
    void hopByHopHeadersAndThoseNamedInConnectionAreRemovedButNeverTheBodysFraming() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive, X-Secret, Content-Length").add("X-Secret", "s")
                .add("Keep-Alive", "timeout=5").add("Proxy-Connection", "keep-alive").add("Proxy-Authorization", "x")
                .add("Content-Length", "12").add("Authorization", "Bearer t").add("X-Request-Id", "abc-1");

        noTrust.rewrite(headers, CLIENT, "localhost:8080", "http", 8080);

        assertThat(headers.names()).doesNotContain("Connection", "X-Secret", "Keep-Alive", "Proxy-Connection",
                "Proxy-Authorization");
        assertThat(headers.get("Content-Length")).isEqualTo("12");
        assertThat(headers.get("Authorization")).isEqualTo("Bearer t");
        assertThat(headers.get("X-Request-Id")).isEqualTo("abc-1");
    }

    @Test
    void aConnectionHeaderNamingXForwardedForCannotRemoveTheOneTheGatewayWrites() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Connection", "X-Forwarded-For, X-Real-IP");

        noTrust.rewrite(headers, CLIENT, "localhost:8080", "http", 8080);

        assertThat(headers.get("X-Forwarded-For")).isEqualTo("203.0.113.7");
        assertThat(headers.get("X-Real-IP")).isEqualTo("203.0.113.7");
    }

    @Test
    void headerNamesAreMatchedWhateverTheirCase() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("CONNECTION", "x-SECRET").add("X-Secret", "s").add("keep-ALIVE", "timeout=5")
                .add("x-FORWARDED-prefix", "/admin").add("TRUE-client-ip", "1.2.3.4").add("x-request-id", "abc-1");

        noTrust.rewrite(headers, CLIENT, "localhost:8080", "http", 8080);

        assertThat(headers.names()).doesNotContain("Connection", "X-Secret", "Keep-Alive", "X-Forwarded-Prefix",
                "True-Client-IP");
        assertThat(headers.get("X-Request-Id")).isEqualTo("abc-1");
        assertThat(headers.get("X-Forwarded-For")).isEqualTo("203.0.113.7");
    }

    @Test
    void anIpv6ClientIsBracketedAndQuotedInForwarded() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();

        noTrust.rewrite(headers, AddressLiteral.parse("2001:db8::1").orElseThrow(), null, "http", 8080);

        assertThat(headers.get("X-Forwarded-For")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(headers.get("Forwarded")).isEqualTo("for=\"[2001:db8:0:0:0:0:0:1]\";proto=http");
        assertThat(headers.names()).doesNotContain("X-Forwarded-Host");
    }
}
