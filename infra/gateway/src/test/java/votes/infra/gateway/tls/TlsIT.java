package votes.infra.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import votes.infra.gateway.RecordingUpstream;
import votes.infra.gateway.RunningGateway;
import votes.infra.stack.StackSettings;
import votes.infra.tls.ServerCertificate;

/**
 * The real gateway's HTTPS port with the certificate {@code ./vote up} issues (the stack's own ServerCertificate, in
 * a home of its own), in front of recording upstreams. Clients trust the stack's CA and nothing else; hostnames
 * are checked as browsers check them.
 */
class TlsIT {

    private static final String HSTS = "max-age=31536000";
    static RecordingUpstream ingest;
    static RecordingUpstream ledger;
    static RecordingUpstream realtime;
    static RunningGateway gateway;
    static ServerCertificate certificate;

    @BeforeAll
    static void start() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "tls-it-home");
        certificate = ServerCertificate.of(StackSettings.fromEnv(Map.of("VOTE_HOME", home.toString()), Path.of("")));
        certificate.ensure();
        ingest = RecordingUpstream.start();
        ledger = RecordingUpstream.start();
        realtime = RecordingUpstream.start();
        gateway = RunningGateway.start(ingest.port(), ledger.port(), realtime.port(), Map.of(
                "TLS_CERT_FILE", certificate.certFile().toString(), "TLS_KEY_FILE", certificate.keyFile().toString()));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        List.of(ingest, ledger, realtime).forEach(RecordingUpstream::close);
    }

    @Test
    void aTls13ClientTrustingOnlyTheStacksCaGetsPagesAndTheApiWithHsts() throws Exception {
        HttpClient client = client(certificate.clientContext(), "TLSv1.3");

        for (String path : List.of("/results.html", "/api/v1/polls/p-1")) {
            HttpResponse<String> answer = client.send(request(path), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).as(path).hasValue(HSTS);
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        assertThat(ledger.last("/api/v1/polls/p-1").header("X-Forwarded-Proto")).isEqualTo("https");
    }

    @Test
    void aClientRestrictedToTls12IsRefusedAtTheHandshakeAndNothingReachesAService() throws Exception {
        HttpClient client = client(certificate.clientContext(), "TLSv1.2");

        assertThatThrownBy(() -> client.send(request("/api/v1/polls/tls12"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLException.class);
        assertThat(ledger.seen()).noneMatch(seen -> seen.path().contains("tls12"));
    }

    @Test
    void theCertificateVerifiesForLocalhostAndForNoOtherName() throws Exception {
        assertThat(handshake(certificate.clientContext(), "localhost").getPeerPrincipal().getName())
                .contains("CN=localhost");

        assertThatThrownBy(() -> handshake(certificate.clientContext(), "votes.example"))
                .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("votes.example");
    }

    @Test
    void aClientThatDoesNotTrustTheStacksCaRefusesTheGateway() {
        assertThatThrownBy(() -> client(SSLContext.getDefault(), "TLSv1.3").send(request("/results.html"),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainHttpStillServesTheSameRoutesWithoutHsts() throws Exception {
        HttpResponse<String> page = gateway.get("/results.html");
        HttpResponse<String> api = gateway.get("/api/v1/polls/plain");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(api.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(ledger.last("/api/v1/polls/plain").header("X-Forwarded-Proto")).isEqualTo("http");
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + gateway.httpsPort() + path))
                .timeout(Duration.ofSeconds(20)).build();
    }

    private static HttpClient client(SSLContext trust, String protocol) {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {protocol});
        return HttpClient.newBuilder().sslContext(trust).sslParameters(parameters)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A TLS 1.3 handshake with 127.0.0.1 that checks the certificate names {@code hostname}, as HTTPS clients do. */
    private static javax.net.ssl.SSLSession handshake(SSLContext trust, String hostname) throws Exception {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", gateway.httpsPort()), 10_000);
        try (SSLSocket socket = (SSLSocket) trust.getSocketFactory().createSocket(plain, hostname,
                gateway.httpsPort(), true)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setProtocols(new String[] {"TLSv1.3"});
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(20_000);
            socket.startHandshake();
            return socket.getSession();
        }
    }
}
